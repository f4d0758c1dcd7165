'use client';

// Only in a build made with PROFILEKIT_NEXT_INJECT_MISMATCH=1: a value the server and the browser render
// differently, to prove the end-to-end test catches a hydration mismatch.
const injectMismatch = process.env.PROFILEKIT_NEXT_INJECT_MISMATCH === '1';

export function InjectedMismatch() {
  return injectMismatch ? <p data-injected-mismatch="">Rendered at {Date.now()}</p> : null;
}
