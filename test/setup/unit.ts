import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// A wait for something on screen ends as soon as it shows; the limit only says when to give up. Two
// cores shared with other work (a type checker, a bundler, a CI neighbour) need room: never a speed check.
configure({ asyncUtilTimeout: 15_000 });

// axe probes <canvas> for icon ligatures; jsdom has no canvas and would print "Not implemented" per run.
// (Files that run in Node, like the architecture checks, have no DOM at all.)
if (typeof HTMLCanvasElement !== 'undefined') HTMLCanvasElement.prototype.getContext = () => null;
