/**
 * Focus after navigation: a single-page app does not load a new document, so without help a
 * screen reader stays where the old page was and a keyboard user starts again from a link that
 * no longer exists. The layout calls this on every change of page; it moves the focus to the
 * new page's main heading (`<h1>`, made focusable with tabindex=-1), which screen readers read.
 *
 * A page still loading has no heading yet: the focus waits at the start of `<main>` and moves
 * to the heading when it appears, unless the user has gone elsewhere in the meantime.
 */

/** How long a page may take to show its heading (its data may be slow to come). */
const headingWaitMs = 15_000;

/**
 * Focuses the `<h1>` of `main` now or once rendered; answers a function that stops waiting
 * (for the next navigation, or the layout's unmount).
 */
export const focusPageHeading = (main: HTMLElement, waitMs = headingWaitMs): (() => void) => {
  const before = document.activeElement;
  /** The focus is nowhere the user chose: on the page, the link just used, or held on `main`. */
  const untouched = () => {
    const active = document.activeElement;
    return !active || active === document.body || active === before || active === main;
  };
  const focusHeading = (): boolean => {
    const heading = main.querySelector('h1');
    if (!heading) return false;
    if (untouched()) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
    return true;
  };
  if (focusHeading()) return () => {};

  if (untouched()) main.focus({ preventScroll: true });
  const observer = new MutationObserver(() => {
    if (focusHeading()) stop();
  });
  const timer = setTimeout(() => stop(), waitMs);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
};
