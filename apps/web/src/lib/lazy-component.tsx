import { Suspense, lazy, type ComponentType } from 'react';

/**
 * A component whose code is fetched the first time it renders, for dialogs and panels a page opens on
 * demand: the page's first screen loads without them. Nothing shows while the code arrives (a moment).
 */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  const Lazy = lazy(async () => ({ default: await load() })) as unknown as ComponentType<Props>;
  return function LazyComponent(props: Props) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
