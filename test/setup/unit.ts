import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// Two cores shared with a type checker and a bundler: give async queries room before calling it a failure.
configure({ asyncUtilTimeout: 3000 });

// axe probes <canvas> for icon ligatures; jsdom has no canvas and would print "Not implemented" per run.
// (Files that run in Node, like the architecture checks, have no DOM at all.)
if (typeof HTMLCanvasElement !== 'undefined') HTMLCanvasElement.prototype.getContext = () => null;
