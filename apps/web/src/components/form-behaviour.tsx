import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';
import { useTranslation } from 'react-i18next';
import { lazyComponent } from '../lib/lazy-component.tsx';

// Loaded when a leave is first blocked: Fluent's Dialog was about 10 KB of Email settings, a first screen (decision 59).
const ConfirmDialog = lazyComponent(() => import('./confirm-dialog.tsx').then((module) => module.ConfirmDialog));

/**
 * What every form does alike, in one place: it asks before unsaved changes are left behind (in-app
 * navigation, breadcrumbs, the environment picker, reload or closing the tab), moves focus to the first field
 * in error after a failed Save, and keeps its command bar in view while a long form scrolls.
 */

export const useFormCommandBarStyles = makeStyles({
  // Sticky inside whatever scrolls the page; the background keeps fields from showing through.
  commandBar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexWrap: 'wrap',
    '& button': { whiteSpace: 'nowrap' },
  },
});

export interface FormBehaviour {
  /** Put on the <form>: the first invalid field is looked up inside it. */
  formRef: React.RefObject<HTMLFormElement | null>;
  /** Call when a Save found errors: after the errors render, focus goes to the first field showing one. */
  focusFirstError: () => void;
  /** Navigates without asking, e.g. to the saved record after a successful Save. */
  leaveWithoutAsking: (navigate: () => void) => void;
  /** Render inside the form: the "Leave without saving?" question when a navigation was held. */
  guardDialog: ReactNode;
}

export function useFormBehaviour(isDirty: boolean): FormBehaviour {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const leaving = useRef(false);

  const blocker = useBlocker(
    useCallback<BlockerFunction>(
      ({ currentLocation, nextLocation }) =>
        isDirty && !leaving.current && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
      [isDirty],
    ),
  );

  useEffect(() => {
    if (!isDirty) return;
    // The browser asks with its own words; a custom message is ignored by every current browser.
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [isDirty]);

  useEffect(() => {
    if (focusRequest === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    invalid?.scrollIntoView({ block: 'center' });
  }, [focusRequest]);

  const focusFirstError = useCallback(() => setFocusRequest((n) => n + 1), []);
  const leaveWithoutAsking = useCallback((navigate: () => void) => {
    // Stays set: the form is on its way out, and the router may consult the blocker after this call returns.
    leaving.current = true;
    navigate();
  }, []);

  const guardDialog = blocker.state === 'blocked' ? (
    <ConfirmDialog
      title={t('leaveUnsaved.title')}
      confirmLabel={t('leaveUnsaved.leave')}
      cancelLabel={t('leaveUnsaved.stay')}
      onConfirm={() => blocker.proceed()}
      onCancel={() => blocker.reset()}
    >
      {t('leaveUnsaved.text')}
    </ConfirmDialog>
  ) : null;

  return { formRef, focusFirstError, leaveWithoutAsking, guardDialog };
}
