import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecretKey } from './secret-key.ts';

describe('loadSecretKey', () => {
  it('generates a 256-bit key into the data folder once (mode 0600) and reads the same key back', async () => {
    const dir = path.join(await mkdtemp(path.join(tmpdir(), 'key-')), 'data');
    const first = await loadSecretKey(undefined, dir);
    expect(first).toHaveLength(32);
    const file = path.join(dir, 'secret-encryption.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadSecretKey(undefined, dir)).toEqual(first);
    expect(Buffer.from(await readFile(file, 'utf8'), 'base64')).toEqual(first);
  });

  it('prefers the configured key', async () => {
    const key = randomBytes(32);
    expect(await loadSecretKey(key.toString('base64'), '/nonexistent')).toEqual(key);
  });

  it.each([
    ['a configured key', () => loadSecretKey(randomBytes(16).toString('base64'), '/nonexistent')],
    ['a damaged key file', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'key-'));
      await writeFile(path.join(dir, 'secret-encryption.key'), 'c2hvcnQ=');
      return loadSecretKey(undefined, dir);
    }],
  ])('refuses %s that is not 32 bytes', async (_case, load) => {
    await expect(load()).rejects.toThrow(/exactly 32 bytes/);
  });
});
