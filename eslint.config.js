// Lint for the whole workspace. The import zones below are the architecture's dependency rule:
// domain imports nothing of ours or of I/O; contract only domain and zod/mini; db/ews/dns/jobs/notifications only the domain;
// the web app only the contract and UI libraries.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const io = ['fastify', 'fastify-*', '@fastify/*', '@prisma/*', 'prisma', 'pg', '@electric-sql/*', 'pglite-prisma-adapter',
  'ews-javascript-api', '@azure/*', 'node:http', 'node:https', 'node:net', 'node:fs', 'http', 'https', 'fs'];

const zone = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'packages/db/src/generated/**', 'data/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  zone(['packages/domain/src/**'], ['@sync-admin/*', 'zod', ...io], 'The domain package is plain TypeScript: no I/O, no other workspace package.'),
  // The contract's zone also refuses classic zod, which would put all of zod back on every page of the web app (decision 53).
  { files: ['packages/contract/src/**'], rules: { 'no-restricted-imports': ['error', {
    patterns: [{ group: ['@sync-admin/db', '@sync-admin/ews', '@sync-admin/api', ...io], message: 'The contract holds wire schemas only: zod/mini and the domain.' }],
    paths: [{ name: 'zod', message: 'Use zod/mini: the web parses every response with these schemas (decision 53).' }],
  }] } },
  zone(['packages/db/src/**'], ['@sync-admin/contract', '@sync-admin/ews', '@sync-admin/api', 'fastify', '@fastify/*', 'ews-javascript-api', '@azure/*'], 'The db adapter depends on the domain only.'),
  zone(['packages/jobs/src/**', 'packages/notifications/src/**'], ['@sync-admin/contract', '@sync-admin/db', '@sync-admin/ews', '@sync-admin/api', 'fastify', '@fastify/*', '@prisma/*', 'ews-javascript-api', '@azure/*'], 'Adapters depend on the domain only.'),
  zone(['packages/ews/src/**'], ['@sync-admin/contract', '@sync-admin/db', '@sync-admin/api', 'fastify', '@fastify/*', '@prisma/*', 'pg', '@electric-sql/*'], 'The EWS adapter depends on the domain only.'),
  {
    // The DNS adapter's tests and test peers reuse the EWS adapter's outbound policy and test certificates.
    ...zone(['packages/dns/src/**'], ['@sync-admin/contract', '@sync-admin/db', '@sync-admin/ews', '@sync-admin/ews/*', '@sync-admin/jobs', '@sync-admin/api', 'fastify', '@fastify/*', '@prisma/*', 'pg', '@electric-sql/*'], 'The DNS adapter depends on the domain only.'),
    ignores: ['packages/dns/src/**/*.test.ts', 'packages/dns/src/test-peers/**'],
  },
  {
    files: ['apps/web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['@sync-admin/domain', '@sync-admin/db', '@sync-admin/ews', '@sync-admin/api', ...io, 'node:*'],
          message: 'The web app talks to the API only, through @sync-admin/contract.' }],
      }],
    },
  },
  {
    // Every text a user reads goes through i18next (decision 51): JSX text and the attributes people read or hear.
    files: ['apps/web/src/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', {
        mode: 'jsx-only',
        'jsx-attributes': { include: ['aria-label', 'aria-description', 'title', 'placeholder', 'label', 'alt', 'content', 'hint', 'validationMessage', 'description', 'header'] },
        'object-properties': { exclude: ['[A-Z_-]+', 'role', 'appearance', 'size', 'shape', 'layout', 'position', 'align'] },
        callees: { exclude: ['i18n(ext)?', 't', 'item', 'require', 'addEventListener', 'removeEventListener', 'postMessage', 'getElementById', 'includes', 'indexOf', 'endsWith', 'startsWith'] },
      }],
    },
  },
  {
    // Every wire string and date-time goes through the contract's primitives (no NUL, no lone surrogates, years 1–9999).
    files: ['packages/contract/src/**', 'apps/api/src/routes/**'],
    ignores: ['packages/contract/src/primitives.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='z'][callee.property.name='string']", message: 'Use text() from the contract\'s primitives.ts.' },
        { selector: "MemberExpression[object.object.name='z'][object.property.name='iso']", message: 'Use isoDateTime() from the contract\'s primitives.ts.' }],
    },
  },
  {
    // Configuration is parsed once at the edge (apps/api/src/config.ts); nowhere else reads process.env.
    files: ['apps/api/src/**', 'packages/*/src/**'],
    ignores: ['apps/api/src/config.ts', '**/*.test.ts', 'apps/api/test/**'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from config.ts.' }] },
  },
);
