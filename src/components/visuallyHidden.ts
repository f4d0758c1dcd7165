import type { CSSProperties } from 'react';

/**
 * Hides text from sight but not from screen readers. Inline rather than a class because it is function,
 * not look: it must hold with `unstyled` and without the stylesheet.
 */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
