/**
 * Leaving a page with unsaved changes: a form that has some calls `useLeaveGuard(true)`.
 *
 * - In the app, the router's blocker holds any navigation to another page until the user
 *   answers (the form shows the question, see `ConfirmDialog`); the back button too.
 * - Closing the tab, reloading or typing another address gets the browser's own prompt
 *   (`beforeunload`), except when the app itself leaves: for the sign-in page (the draft is kept
 *   for the return) or for sign-out (the header asks first, through `hasUnsavedChanges`).
 */
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { isLeavingTheApp } from './auth.ts';

/** How many mounted guards have unsaved changes now. */
let unsaved = 0;

/** Whether a page shown has changes not saved yet (the sign-out button asks first). */
export const hasUnsavedChanges = (): boolean => unsaved > 0;

export type LeaveGuard = {
  /** A navigation is held: ask the user. */
  blocked: boolean;
  /** Answer "stay": the navigation is dropped. */
  stay: () => void;
  /** Answer "leave": the navigation goes on. */
  leave: () => void;
  /** Lets the next navigations go unasked (after a save, before navigating away). */
  release: () => void;
};

export const useLeaveGuard = (dirty: boolean): LeaveGuard => {
  const dirtyRef = useRef(dirty);
  const released = useRef(false);
  useLayoutEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirtyRef.current && !released.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return;
    unsaved += 1;
    const warn = (event: BeforeUnloadEvent) => {
      if (released.current || isLeavingTheApp()) return;
      event.preventDefault();
      // Older browsers show the prompt only when a return value is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      unsaved -= 1;
      window.removeEventListener('beforeunload', warn);
    };
  }, [dirty]);

  // Nothing left to lose (e.g. the changes were undone): a held navigation goes on.
  useEffect(() => {
    if (blocker.state === 'blocked' && !dirty) blocker.proceed();
  }, [blocker, dirty]);

  const release = useCallback(() => {
    released.current = true;
  }, []);
  return {
    blocked: blocker.state === 'blocked',
    stay: () => blocker.reset?.(),
    leave: () => {
      released.current = true;
      blocker.proceed?.();
    },
    release,
  };
};
