/** Below 1024 px the navigation leaves the page's flow and opens over it from the top bar's menu button. */
export const NARROW_SCREEN = '(max-width: 1023.98px)';

/** Phone widths: the top bar keeps only what fits on one line of 390 px. */
export const PHONE_SCREEN = '(max-width: 639.98px)';
