import { useFocusFinders } from '@fluentui/react-components';

/**
 * Holds Fluent's focus manager (tabster) for as long as the app runs. Otherwise, when the last component using it
 * unmounts — a page with a dialog open being left for a page still loading — tabster is disposed before it lifts
 * the aria-hidden its dialog put on the app root, and the next page stays hidden from assistive technology
 * (microsoft/tabster#530, microsoft/fluentui#35139).
 */
export function TabsterKeepAlive() {
  useFocusFinders();
  return null;
}
