import { useEffect } from 'react';
import { i18next } from '../../../lib/i18n.ts';
import { useLanguagePreference } from '../lib/language-preference.ts';

/** Puts the portal in the language the user chose (or the browser's); <html lang> follows (lib/i18n.ts). */
export function LanguageFollower() {
  const { language } = useLanguagePreference();
  useEffect(() => {
    if (i18next.language !== language) void i18next.changeLanguage(language);
  }, [language]);
  return null;
}
