// A hidden tab runs no animation frames, and a tab can be hidden between the request and its frame: past
// this, the work goes ahead without waiting for a paint.
const LONGEST_WAIT_MS = 100;

/**
 * Resolves in the first task after the browser has painted its next frame, so work started by a click
 * does not delay the frame that shows the click's effect. At once where nothing paints: a server, a
 * test DOM without animation frames, a hidden tab.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (
      typeof requestAnimationFrame !== 'function' ||
      typeof document === 'undefined' ||
      document.visibilityState === 'hidden'
    ) {
      resolve();
      return;
    }
    const fallback = setTimeout(resolve, LONGEST_WAIT_MS);
    requestAnimationFrame(() => {
      // Animation-frame callbacks run before the frame paints; a task queued from one runs after it.
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0);
    });
  });
}
