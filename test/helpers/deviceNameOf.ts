/**
 * The device name a row shows ("Chrome on macOS"), without its "This device" and "Trusted" badges: the
 * first text of the row's first paragraph.
 */
export function deviceNameOf(row: Element): string | undefined {
  return row.querySelector('p')?.firstChild?.textContent ?? undefined;
}
