import { Suspense, lazy, useState } from 'react';
import { ThemeButton } from './theme-button.tsx';

// Fluent's Menu is about 12 KB gzip that no first screen needs: it loads when the button is first pressed, so the
// first screen keeps its budget (apps/web/bundle-sizes.ts).
const ThemeMenuLoaded = lazy(async () => ({ default: (await import('./theme-menu-loaded.tsx')).ThemeMenuLoaded }));

/** The top bar's Theme button and its menu: Light, Dark, Follow the system (decision 46). */
export function ThemeMenu({ className }: { className?: string }) {
  const [isWanted, setWanted] = useState(false);
  if (!isWanted) return <ThemeButton className={className} onClick={() => setWanted(true)} />;
  return (
    <Suspense fallback={<ThemeButton className={className} disabledFocusable />}>
      <ThemeMenuLoaded className={className} />
    </Suspense>
  );
}
