// Small helpers of the memory backend: ids, dates, and network-like waiting.
import { parseDateInput } from '../provider/normalizeSessions.js';
import type { DateInput } from '../provider/types.js';

// Opaque ids from crypto.getRandomValues, which (unlike randomUUID) also works outside secure contexts.
export function randomId(bytes = 12): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function toEpoch(value: DateInput | undefined, fallback: number): number {
  return parseDateInput(value)?.getTime() ?? fallback;
}

/** Waits like a network would, and stops with an AbortError when the caller gives up. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return signal?.aborted ? Promise.reject(abortError()) : Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortError());
      },
      { once: true },
    );
  });
}

function abortError(): Error {
  const error = new Error('The operation was aborted.');
  error.name = 'AbortError';
  return error;
}
