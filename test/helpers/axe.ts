import axe from 'axe-core';
import { expect } from 'vitest';

/**
 * Runs axe over the document (dialogs are portalled to <body>) and fails with the violations listed.
 * Colour contrast needs real layout, so jsdom skips it; the browser suite checks it.
 */
export async function expectNoAxeViolations(root: Element = document.body) {
  const { violations } = await axe.run(root, {
    // `region` asks a whole page to sit in landmarks; these are components inside a host's page.
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  const summary = violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}
