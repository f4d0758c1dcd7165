'use client';

import { useEffect, useRef } from 'react';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Same keys, same values (by identity), looking `depth` levels into plain objects: `{ errors: {…} }` in
 * messages, `components` in a component's props.
 */
export function contentEqual(a: unknown, b: unknown, depth = 1): boolean {
  if (Object.is(a, b)) return true;
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      (Object.is(a[key], b[key]) || (depth > 0 && contentEqual(a[key], b[key], depth - 1))),
  );
}

/**
 * The previous value while the new one has the same content: hosts pass `components={{ SessionRow: Row }}`
 * and `messages={{ … }}` inline, a new object every render, and an object compared by identity would
 * render every consumer (every memoized row) again.
 */
export function useContentStable<T>(value: T): T {
  const last = useRef(value);
  const stable = contentEqual(last.current, value) ? last.current : value;
  useEffect(() => {
    last.current = stable;
  });
  return stable;
}
