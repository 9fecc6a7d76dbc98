import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The AES-256 key for secrets at rest: from configuration, or, on the embedded database, generated once
 * into the data folder (mode 0600) so restarts keep reading what was written.
 */
export async function loadSecretKey(configured: string | undefined, dataDir: string): Promise<Buffer> {
  if (configured) return decode(configured, 'SECRET_ENCRYPTION_KEY');
  const file = path.join(dataDir, 'secret-encryption.key');
  try {
    return decode((await readFile(file, 'utf8')).trim(), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}

function decode(base64: string, source: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${source} must hold base64 of exactly 32 bytes.`);
  return key;
}
