import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useMediaQuery } from '../../../lib/use-media-query.ts';
import { useUserPreference } from '../../../lib/user-preference.ts';
import { useSession } from '../../auth/api/get-session.ts';

export const THEME_CHOICES = ['light', 'dark', 'system'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/** Anything but a known choice (nothing stored, an old or edited value) follows the system. */
const normalizeThemeChoice = (stored: unknown): ThemeChoice =>
  typeof stored === 'string' && (THEME_CHOICES as readonly string[]).includes(stored) ? (stored as ThemeChoice) : 'system';

/**
 * The signed-in user's theme choice (decision 46), remembered like the grid's columns (decision 42), and the Fluent
 * theme it gives now: "Follow the system" tracks the operating system's setting as it changes. Signed out, the
 * sign-in page follows the system.
 */
export function useThemePreference() {
  const { data: session } = useSession();
  const [choice, setChoice] = useUserPreference('theme', session?.user.id ?? null, normalizeThemeChoice);
  const isSystemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const isDark = choice === 'dark' || (choice === 'system' && isSystemDark);
  return { choice, setChoice, isDark, theme: isDark ? webDarkTheme : webLightTheme };
}
