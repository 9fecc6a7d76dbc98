import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const ciRun = readFileSync('.ci/run', 'utf8');
const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;

/** The README's shell blocks, in order: the start command, then the test command. */
const commands = [...readme.matchAll(/```sh\n(.+)\n```/g)].map((match) => match[1]);

describe('the README commands', () => {
  it('gives exactly two commands: start, then test', () => {
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/pnpm start$/);
    expect(commands[1]).toMatch(/pnpm test$/);
  });

  it('is what CI runs, verbatim', () => {
    const lastCommand = ciRun.trim().split('\n').at(-1);
    expect(lastCommand).toBe(commands[1]);
  });

  it('runs lint, typecheck, unit/API and browser tests from the test script', () => {
    expect(scripts.test).toBe('pnpm lint && pnpm typecheck && pnpm test:unit && pnpm test:e2e');
  });
});
