// The identical floors' row (bench/browser/render.bench.test.tsx and floors.bench.test.tsx): SessionRow's
// markup, attribute for attribute and in React's attribute order, as plain JSX over precomputed strings —
// no components, no hooks, no formatting at render. Both benches compare its HTML with the kit's and fail
// when the kit's markup has moved on: change it here, once.

/** One row's strings, read back from a mounted SessionList (readKitRows). */
export interface FloorRow {
  id: string;
  current: boolean;
  trusted: boolean;
  type: string;
  name: string;
  place: string;
  iso: string;
  active: string;
  label: string;
}

/** The rows of a mounted SessionList, read by element (the kit's classes are not relied on). */
export function readKitRows(rows: Element[]): FloorRow[] {
  return rows.map((li) => {
    const name = li.querySelector('p');
    const meta = li.querySelector('p:nth-of-type(2)');
    const time = li.querySelector('time');
    return {
      id: li.getAttribute('data-session-id') ?? '',
      current: li.hasAttribute('data-current'),
      trusted: li.querySelector('[data-badge="trusted"]') !== null,
      type: li.getAttribute('data-device-type') ?? '',
      name: name?.firstChild?.textContent ?? '',
      // The place is the meta line's own text, before the time.
      place: meta?.firstChild?.nodeType === Node.TEXT_NODE ? (meta.firstChild.textContent ?? '') : '',
      iso: time?.getAttribute('datetime') ?? '',
      active: time?.textContent ?? '',
      label: li.querySelector('button')?.getAttribute('aria-label') ?? '',
    };
  });
}

/** SessionRow's list item for one row; `onRemove` signs the row out (the floors' own state). */
export function IdenticalRow({ row, onRemove }: { row: FloorRow; onRemove?: (id: string) => void }) {
  return (
    <li
      className="pk-row"
      data-state="idle"
      data-current={row.current ? '' : undefined}
      data-device-type={row.type}
      data-session-id={row.id}
    >
      {row.current || row.trusted ? (
        <p className="pk-name">
          <bdi>{row.name}</bdi>
          {row.current && (
            <span className="pk-badge" data-badge="current">
              This device
            </span>
          )}
          {row.trusted && (
            <span className="pk-badge" data-badge="trusted">
              Trusted
            </span>
          )}
        </p>
      ) : (
        <p className="pk-name" dir="auto">
          {row.name}
        </p>
      )}
      <p id={`meta-${row.id}`} className="pk-meta">
        {row.place}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the same markup as LastActive's focusable time. */}
        <time className="pk-time" dateTime={row.iso} tabIndex={0}>
          {row.active}
        </time>
      </p>
      {row.current ? (
        <button type="button" className="pk-button" aria-label={row.label}>
          Sign out
        </button>
      ) : (
        <button
          type="button"
          className="pk-button"
          data-variant="destructive"
          aria-label={row.label}
          aria-describedby={`meta-${row.id}`}
          onClick={onRemove && (() => onRemove(row.id))}
        >
          Sign out
        </button>
      )}
    </li>
  );
}
