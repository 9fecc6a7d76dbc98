import { FluentProvider, useThemeClassName } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { TabsterKeepAlive } from '../../../components/tabster-keep-alive.tsx';
import { useThemePreference } from '../lib/theme-preference.ts';

/**
 * The theme's colours on <body> as well, so no light strip shows past the app's own height (overscroll, short
 * pages), and `color-scheme` on <html> so scrollbars and native controls match.
 */
function ThemeOnDocument({ isDark }: { isDark: boolean }) {
  const themeClassName = useThemeClassName();
  useEffect(() => {
    const classes = themeClassName.split(' ').filter(Boolean);
    document.body.classList.add(...classes);
    document.documentElement.style.colorScheme = isDark ? 'dark' : 'light';
    return () => document.body.classList.remove(...classes);
  }, [themeClassName, isDark]);
  return null;
}

/** Fluent's web light or dark theme, as the user chose (decision 46). */
export function ThemedFluentProvider({ children }: { children: ReactNode }) {
  const { theme, isDark } = useThemePreference();
  return (
    <FluentProvider theme={theme}>
      <ThemeOnDocument isDark={isDark} />
      <TabsterKeepAlive />
      {children}
    </FluentProvider>
  );
}
