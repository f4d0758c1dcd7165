// @vitest-environment node
// esbuild and the TypeScript compiler run in Node; jsdom's TextEncoder would fail esbuild's own check.
import { describe, expect, it } from 'vitest';

// Room for the compiler and the bundler on a loaded two-core machine (not a timing assertion).
const SLOW = { timeout: 60_000 };

import { staleReports } from '../../../scripts/api-report.mjs';
import {
  findAdminMentions,
  findCycles,
  findLayerViolations,
  moduleGraph,
} from '../../../scripts/check-imports.mjs';

describe('the shape of src/', () => {
  it('has no import cycle at run time', SLOW, async () => {
    expect(findCycles(await moduleGraph())).toEqual([]);
  });

  it('imports only down the layers, and the user half names nothing of the admin half', SLOW, async () => {
    expect([...findLayerViolations(await moduleGraph()), ...findAdminMentions()]).toEqual([]);
  });

  it('the cycle finder sees a cycle and a self-import', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['a']],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('the layer check sees a data module importing a component', () => {
    const graph = new Map([['src/data/useSessions.ts', ['src/components/SessionRow.tsx']]]);
    expect(findLayerViolations(graph)).toHaveLength(1);
  });
});

describe('the public surface', () => {
  it('matches the committed API report of every entry point (api/*.api.md)', SLOW, () => {
    expect(staleReports().map((s) => s.report)).toEqual([]);
  });
});
