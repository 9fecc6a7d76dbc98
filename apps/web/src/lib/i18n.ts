import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';

/** The languages the portal ships complete (test/i18n-resources.test.ts holds them to the same keys). */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** The first of the browser's languages (navigator.languages, in the user's order) the portal speaks; else English. */
export function browserLanguage(): Language {
  const tags = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const tag of tags) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/**
 * The locale dates and numbers are formatted in: the browser's own tag when it is of the language shown (en-GB keeps
 * day-first dates), else the language itself.
 */
export function formattingLocale(language: string = i18next.resolvedLanguage ?? 'en'): string {
  return navigator.languages.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}

// One JSON per namespace and language, each its own chunk: a page loads only the namespaces its components ask for
// (useTranslation suspends until they are there), so the first screen carries no other page's text.
void i18next
  .use(initReactI18next)
  .use(resourcesToBackend((language: string, namespace: string) => import(`../locales/${language}/${namespace}.json`)))
  .init({
    lng: browserLanguage(),
    supportedLngs: LANGUAGES,
    fallbackLng: 'en',
    ns: ['common'],
    defaultNS: 'common',
    // React escapes what it renders; escaping here too would show &amp; in "Test &amp; Enable".
    interpolation: { escapeValue: false },
  });

document.documentElement.lang = i18next.language;
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

export { i18next };
