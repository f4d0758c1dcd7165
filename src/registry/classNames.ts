/**
 * The parts a host can style through `classNames`. Closed on purpose: a typo is a type error, and every
 * default class is `pk-<part>` so `profilekit/styles.css` and host overrides target the same names.
 */
export const SESSIONS_PARTS = [
  'root',
  'heading',
  'list',
  'row',
  'icon',
  'name',
  'badge',
  'meta',
  'time',
  'tooltip',
  'actions',
  'button',
  'status',
  'error',
  'skeleton',
  'empty',
  'reauth',
  'form',
  'field',
  'label',
  'input',
  'overlay',
  'dialog',
  'dialogTitle',
  'dialogDescription',
  'dialogActions',
  'result',
  'visuallyHidden',
] as const;

export type SessionsPart = (typeof SESSIONS_PARTS)[number];

/** Extra classes per part, added to (or, with `unstyled`, instead of) the default `pk-<part>` class. */
export type SessionsClassNames = Partial<Record<SessionsPart, string>>;

/** Joins class names, skipping empty ones. */
export function cx(...names: (string | false | null | undefined)[]): string | undefined {
  const joined = names.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/** Merges two classNames maps: both classes apply where both name a part. */
export function mergeClassNames<Part extends string>(
  outer: Partial<Record<Part, string>>,
  inner: Partial<Record<Part, string>> | undefined,
): Partial<Record<Part, string>> {
  if (!inner) return outer;
  const merged: Partial<Record<Part, string>> = { ...outer };
  for (const part of Object.keys(inner) as Part[]) merged[part] = cx(outer[part], inner[part]);
  return merged;
}
