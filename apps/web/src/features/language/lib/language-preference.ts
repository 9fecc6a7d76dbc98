import { useSyncExternalStore } from 'react';
import { LANGUAGES, browserLanguage, type Language } from '../../../lib/i18n.ts';
import { useUserPreference } from '../../../lib/user-preference.ts';
import { useSession } from '../../auth/api/get-session.ts';

export type LanguageChoice = Language | 'browser';
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = [...LANGUAGES, 'browser'];

/** Anything but a known choice (nothing stored, an old or edited value) follows the browser. */
const normalizeLanguageChoice = (stored: unknown): LanguageChoice =>
  typeof stored === 'string' && (LANGUAGE_CHOICES as readonly string[]).includes(stored) ? (stored as LanguageChoice) : 'browser';

function subscribeToBrowserLanguage(onChange: () => void) {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

/**
 * The signed-in user's language choice (decision 51), remembered like the theme (decision 46), and the language it
 * gives now: "Follow the browser" takes the first of navigator.languages the portal speaks, as it changes. Signed
 * out, the sign-in page follows the browser.
 */
export function useLanguagePreference() {
  const { data: session } = useSession();
  const [choice, setChoice] = useUserPreference('language', session?.user.id ?? null, normalizeLanguageChoice);
  const fromBrowser = useSyncExternalStore(subscribeToBrowserLanguage, browserLanguage);
  const language: Language = choice === 'browser' ? fromBrowser : choice;
  return { choice, setChoice, language };
}
