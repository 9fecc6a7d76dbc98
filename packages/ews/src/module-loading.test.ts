import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

// Vitest bundles CommonJS dependencies its own way; the API runs under Node's ESM loader (node --import tsx),
// which sees no named exports of some CommonJS modules (@ewsjs/ntlm-client). Load both entry points as the API does.
it('loads under Node\'s own ESM loader, as the API runs it', async () => {
  const script = "const m = await import('./src/index.ts'); const p = await import('./src/test-peers/index.ts'); console.log(typeof m.createExchangeConnectivity, typeof p.startEwsTestServer);";
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  expect(stdout.trim()).toBe('function function');
});
