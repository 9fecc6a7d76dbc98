import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ALERT_SENTENCES } from '../apps/api/src/seed/demo-data.ts';
import { LABEL_KEYS, NOTE_KEY } from '../apps/web/src/lib/server-label-keys.ts';
import { ALERT_PLURAL_SENTENCES, ALERT_SENTENCES, SENTENCE_LABEL_TABLES, APPROVAL_SENTENCES, APPROVE_EMAIL_AVAILABILITY_SENTENCES, BULK_RESULT_SENTENCES, CONNECTION_TEST_RESULTS, CONNECTIVITY_STEP_DETAILS, CONNECTIVITY_STEP_PLURAL_DETAILS, CONNECTIVITY_STEP_TITLES, DOMAIN_HEALTH_SENTENCES, EXCHANGE_ERROR_CATALOG, MAILBOX_IMPORT_SENTENCES, SENTENCE_NOTE, SERVER_PROFILE_FIELD_RULES } from '../packages/domain/src/index.ts';

// The web's translations (decision 51): the same keys in every namespace of every language, every key the code asks
// for present in English, and the server's message codes all translated.
const WEB_SRC = path.resolve(import.meta.dirname, '../apps/web/src');
const LOCALES = path.join(WEB_SRC, 'locales');
const DOMAIN_SRC = path.resolve(import.meta.dirname, '../packages/domain/src');
const API_SRC = path.resolve(import.meta.dirname, '../apps/api/src');
const LANGUAGES = ['en', 'de'];

type Resource = { [key: string]: string | Resource };

function flatten(resource: Resource, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(resource)) {
    if (typeof value === 'string') keys.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) keys.set(inner, text);
  }
  return keys;
}

const namespacesOf = (language: string) =>
  readdirSync(path.join(LOCALES, language)).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, '')).sort();

const resource = (language: string, namespace: string) =>
  flatten(JSON.parse(readFileSync(path.join(LOCALES, language, `${namespace}.json`), 'utf8')) as Resource);

const English = new Map(namespacesOf('en').map((namespace) => [namespace, resource('en', namespace)]));

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const keyed = (prefix: string, table: Record<string, string>) =>
  Object.fromEntries(Object.entries(table).map(([code, text]) => [prefix + code, text]));

/** A plural table's sentences as i18next keys them: `<code>_one` and `<code>_other`. */
const pluralKeyed = (prefix: string, table: Record<string, { one: string; other: string }>) =>
  Object.fromEntries(Object.entries(table).flatMap(([code, { one, other }]) => [[`${prefix}${code}_one`, one], [`${prefix}${code}_other`, other]]));

// `{{name}}`, and `{{name, number}}` (i18next's number format).
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g)].map((match) => match[1]).sort();

/**
 * The keys a source file asks for: the literal first argument of t() and i18next.t(), and keys kept in data
 * (`labelKey: '…'`). A key without `namespace:` belongs to the file's first useTranslation() namespace, else common.
 */
function keysUsedIn(source: string): { namespace: string; key: string }[] {
  const fileNamespace = /useTranslation\(\s*\[?\s*'([\w-]+)'/.exec(source)?.[1] ?? 'common';
  const literals = [...source.matchAll(/\bt\(\s*'([^']+)'/g), ...source.matchAll(/\b\w*Key: '([^']+)'/g)].map((match) => match[1]!);
  return literals.map((literal) => {
    const [namespace, key] = literal.includes(':') ? literal.split(':', 2) as [string, string] : [fileNamespace, literal];
    return { namespace, key };
  });
}

/** Calls whose key the scan cannot read; only the server's codes (lib/server-messages.ts) and data-held keys may. */
function nonLiteralCalls(source: string): string[] {
  return [...source.matchAll(/\bt\(\s*([^'\s)][^,)]*)/g)].map((match) => match[1]!).filter((argument) => !/\.\w*Key$/.test(argument));
}

describe('the web translations', () => {
  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has the namespaces, keys and placeholders of English', (language) => {
    expect(namespacesOf(language)).toEqual([...English.keys()]);
    for (const [namespace, english] of English) {
      const translated = resource(language, namespace);
      expect([...translated.keys()].sort(), `${language}/${namespace}.json`).toEqual([...english.keys()].sort());
      for (const [key, text] of english) {
        expect(variables(translated.get(key) ?? ''), `${language}/${namespace}.json ${key}`).toEqual(variables(text));
      }
    }
  });

  it('has no empty text in any language', () => {
    for (const language of LANGUAGES) {
      for (const namespace of namespacesOf(language)) {
        for (const [key, text] of resource(language, namespace)) expect(text.trim(), `${language}/${namespace}.json ${key}`).not.toBe('');
      }
    }
  });

  it('holds every key the web code asks for in English, and the code asks with literal keys only', () => {
    const missing: string[] = [];
    const unreadable: string[] = [];
    for (const file of sourceFiles(WEB_SRC, /\.tsx?$/)) {
      const source = readFileSync(file, 'utf8');
      const where = path.relative(WEB_SRC, file);
      for (const { namespace, key } of keysUsedIn(source)) {
        // A count picks the plural form: key_one, key_other.
        const english = English.get(namespace);
        if (!english?.has(key) && !english?.has(`${key}_other`)) missing.push(`${where}: ${namespace}:${key}`);
      }
      if (where !== path.join('lib', 'server-messages.ts')) unreadable.push(...nonLiteralCalls(source).map((call) => `${where}: t(${call}`));
    }
    expect(missing).toEqual([]);
    expect(unreadable).toEqual([]);
  });

  it('finds missing keys and unreadable calls (the scan itself can fail)', () => {
    const source = "const { t } = useTranslation('domain-health');\nt('title'); t('common:nav.email'); t(someKey); t(PAGE.labelKey);\nconst a = { labelKey: 'nav.pages.users' };";
    expect(keysUsedIn(source)).toEqual([
      { namespace: 'domain-health', key: 'title' },
      { namespace: 'common', key: 'nav.email' },
      { namespace: 'domain-health', key: 'nav.pages.users' },
    ]);
    expect(nonLiteralCalls(source)).toEqual(['someKey']);
  });

  it('translates every message code the domain gives a field error, and labels every server profile field as the rules do', () => {
    const codes = new Set(sourceFiles(DOMAIN_SRC, /(?<!\.test)\.ts$/)
      // A field error's code follows its field: { field: 'name', code: 'FIELD_REQUIRED', … }.
      .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bfield(?:: [^,]+)?,\s*code: '([A-Z_]+)'/g)].map((match) => match[1]!)));
    expect(codes.size).toBeGreaterThan(10);
    const errors = English.get('errors')!;
    expect([...codes].filter((code) => !errors.has(`field.${code}`))).toEqual([]);
    const fields = English.get('fields')!;
    const form = English.get('server-profile-form')!;
    for (const rule of SERVER_PROFILE_FIELD_RULES) {
      expect(fields.get(rule.field), rule.field).toBe(rule.label);
      expect(form.get(`help.${rule.field}`), `help of ${rule.field}`).toBe(rule.help);
    }
  });

  /**
   * Every sentence code an API error can carry (decision 55): a ServerMessage's `code: '…'` (not the error body's own
   * `error: { code`), notFound/staleRecord's first argument, and the request-refusal tables' REQUEST_/FIELD_ codes.
   * The domain-health rule table's codes are the domain-health namespace's business.
   */
  function apiMessageCodes(source: string): string[] {
    return [
      ...source.matchAll(/(?<!error: \{ )\bcode: '([A-Z][A-Z0-9_]+)'/g),
      ...source.matchAll(/\b(?:notFound|staleRecord)\('([A-Z][A-Z0-9_]+)'/g),
      ...source.matchAll(/'((?:REQUEST|FIELD)_[A-Z0-9_]+)'/g),
    ].map((match) => match[1]!);
  }

  it.each(LANGUAGES)('says in %s every message the API can answer an error with', (language) => {
    const codes = new Set([API_SRC, DOMAIN_SRC]
      .flatMap((dir) => sourceFiles(dir, /(?<!\.test)\.ts$/))
      .filter((file) => !/domain-health\.rules\.ts$/.test(file))
      .flatMap((file) => apiMessageCodes(readFileSync(file, 'utf8'))));
    expect([...codes]).toEqual(expect.arrayContaining(['MAILBOX_CHANGED', 'PRIVILEGE_IN_ENVIRONMENT_NEEDED', 'SIGN_IN_RATE_LIMITED', 'REQUEST_BODY_INVALID', 'FIELD_INVALID_OPTION']));
    const errors = resource(language, 'errors');
    const said = (code: string) => ['code.', 'field.'].some((group) => errors.has(group + code) || errors.has(`${group}${code}_other`));
    expect([...codes].filter((code) => !said(code))).toEqual([]);
  });

  /**
   * The server's sentence tables (decision 58): each resource key the web says a coded sentence from, with the English
   * text the domain's table holds. The English resource must say exactly that (so the two cannot drift apart), and every
   * language must have the key (the first test holds its placeholders to English's).
   */
  const SERVER_SENTENCE_TABLES: { table: string; namespace: string; sentences: Record<string, string> }[] = [
    { table: 'DOMAIN_HEALTH_SENTENCES', namespace: 'domain-health', sentences: keyed('sentence.', DOMAIN_HEALTH_SENTENCES) },
    { table: 'APPROVAL_SENTENCES', namespace: 'mailboxes', sentences: keyed('approvalSentence.', APPROVAL_SENTENCES) },
    { table: 'BULK_RESULT_SENTENCES', namespace: 'mailboxes', sentences: keyed('bulkSentence.', BULK_RESULT_SENTENCES) },
    { table: 'CONNECTION_TEST_RESULTS', namespace: 'server-profiles', sentences: keyed('testResult.', CONNECTION_TEST_RESULTS) },
    { table: 'CONNECTIVITY_STEP_TITLES', namespace: 'exchange-connectivity', sentences: keyed('stepTitle.', CONNECTIVITY_STEP_TITLES) },
    {
      table: 'CONNECTIVITY_STEP_DETAILS', namespace: 'exchange-connectivity',
      sentences: { ...keyed('stepDetail.', CONNECTIVITY_STEP_DETAILS), ...pluralKeyed('stepDetail.', CONNECTIVITY_STEP_PLURAL_DETAILS) },
    },
    { table: 'MAILBOX_IMPORT_SENTENCES', namespace: 'errors', sentences: keyed('field.', MAILBOX_IMPORT_SENTENCES) },
    { table: 'APPROVE_EMAIL_AVAILABILITY_SENTENCES', namespace: 'mailboxes', sentences: pluralKeyed('approveEmailSentence.', APPROVE_EMAIL_AVAILABILITY_SENTENCES) },
    // With the demo's own alert sentences, whose codes are DEMO_ ones, apart from the run's.
    {
      table: 'ALERT_SENTENCES', namespace: 'alerts',
      sentences: { ...keyed('sentence.', ALERT_SENTENCES), ...pluralKeyed('sentence.', ALERT_PLURAL_SENTENCES), ...keyed('sentence.', DEMO_ALERT_SENTENCES) },
    },
    // Keyed by the error code: its title, what it means and what to fix.
    {
      table: 'EXCHANGE_ERROR_CATALOG', namespace: 'exchange-errors',
      sentences: Object.fromEntries(Object.values(EXCHANGE_ERROR_CATALOG).flatMap(({ code, title, meaning, fix }) =>
        [[`${code}.title`, title], [`${code}.meaning`, meaning], [`${code}.fix`, fix]])),
    },
  ];

  it.each(SERVER_SENTENCE_TABLES)('says every sentence of $table in every language, in English as the table does', ({ namespace, sentences }) => {
    expect(Object.keys(sentences).length).toBeGreaterThan(5);
    const english = English.get(namespace)!;
    expect(Object.entries(sentences).filter(([key, text]) => english.get(key) !== text).map(([key]) => key)).toEqual([]);
    for (const language of LANGUAGES) {
      const translated = resource(language, namespace);
      expect(Object.keys(sentences).filter((key) => !translated.has(key)), language).toEqual([]);
    }
  });

  it('says every fixed label an approval sentence can name, in English as the domain\'s label tables do', () => {
    const labels = Object.entries(SENTENCE_LABEL_TABLES).flatMap(([kind, table]) =>
      Object.entries(table).map(([key, text]) => ({ at: LABEL_KEYS[kind as keyof typeof LABEL_KEYS](key).split(':', 2) as [string, string], text })));
    expect(labels.length).toBeGreaterThan(20);
    expect(labels.filter(({ at: [namespace, key], text }) => English.get(namespace)?.get(key) !== text).map(({ at }) => at.join(':'))).toEqual([]);
    for (const language of LANGUAGES) {
      expect(labels.filter(({ at: [namespace, key] }) => !resource(language, namespace).has(key)).map(({ at }) => at.join(':')), language).toEqual([]);
    }
    // A list of notes says each in the sentence SENTENCE_NOTE names.
    const [noteNamespace, noteKey] = NOTE_KEY.split(':', 2) as [string, string];
    expect(English.get(noteNamespace)?.get(noteKey)).toBe(SENTENCE_NOTE);
  });

  it('finds the codes of an error in the source (the scan itself can fail)', () => {
    const source = "throw accessDenied({ code: 'A_NEEDED', message: 'x' });\nthrow notFound('B_NOT_FOUND', 'The b');\n" +
      "const body = { error: { code: 'VALIDATION_FAILED', messageCode: x } };\nconst T = { FST_X: 'REQUEST_C' };";
    expect(apiMessageCodes(source)).toEqual(['A_NEEDED', 'B_NOT_FOUND', 'REQUEST_C']);
  });
});
