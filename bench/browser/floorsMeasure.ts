// Helpers for bench/browser/floors.bench.test.tsx: DOM queries by structure (not by the kit's class names),
// the node-counting rule, frame timing and the JS heap over the Chrome DevTools Protocol.
import { cdp } from 'vitest/browser';
import { median } from './measure.js';

/**
 * The rows of whatever list is mounted in `host`: list items that hold a button, outside any busy list
 * (the kit's loading skeleton is an `aria-busy` list of items without buttons).
 */
export function rowsIn(host: Element): HTMLElement[] {
  return [...host.querySelectorAll<HTMLElement>('li')].filter(
    (li) => li.querySelector('button') !== null && li.closest('[aria-busy="true"]') === null,
  );
}

/** Cheap "are the rows there yet" for a MutationObserver callback: one button per row. */
export function rowButtonCount(host: Element): number {
  return host.querySelectorAll('li button').length;
}

/**
 * The counting rule for "DOM nodes per row": every element and every text node with non-whitespace text
 * in the row's subtree, the `<li>` itself included. Comments, whitespace-only text and attributes are not
 * nodes here. (SVG elements are elements, so an icon's `<svg>` and `<path>` count two.)
 */
export function countRowNodes(row: Element): number {
  let count = 0;
  const walker = document.createTreeWalker(row, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE || (node.textContent ?? '').trim() !== '') count += 1;
  }
  return count;
}

/** Nodes per row: the typical row (the second one, not the current device) and the mean over all rows. */
export function nodesPerRow(host: Element): { typical: number; mean: number } {
  const rows = rowsIn(host);
  const counts = rows.map(countRowNodes);
  return {
    typical: counts[1] ?? counts[0] ?? 0,
    mean: counts.reduce((sum, n) => sum + n, 0) / Math.max(1, counts.length),
  };
}

/** The element of `host` that contains the list: the list's ancestor that is a direct child of `host`. */
export function listContainer(host: Element): Element | null {
  let element: Element | null = host.querySelector('ul, ol, [role="list"]');
  while (element && element.parentElement !== host) element = element.parentElement;
  return element;
}

/** The list container's HTML with generated ids (React's useId, a floor's own) renamed in order of use. */
export function normalizedMarkup(host: Element): string {
  const html = listContainer(host)?.outerHTML ?? '';
  const ids = new Map<string, string>();
  return html.replace(
    / (id|aria-describedby|aria-labelledby|aria-controls|for)="([^"]*)"/g,
    (_, name, value) => {
      const renamed = value
        .split(' ')
        .map((part: string) => {
          if (!ids.has(part)) ids.set(part, `id${ids.size}`);
          return ids.get(part);
        })
        .join(' ');
      return ` ${name}="${renamed}"`;
    },
  );
}

/** Null when the two HTML strings are equal, else where they first differ, with context from both. */
export function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i += 1;
  const from = Math.max(0, i - 100);
  return [
    `first difference at character ${i} of ${expected.length} (kit) / ${actual.length} (floor):`,
    `  kit:   …${expected.slice(from, i + 160)}…`,
    `  floor: …${actual.slice(from, i + 160)}…`,
  ].join('\n');
}

/** Resolves with performance.now() taken in the next animation frame's callback. */
export const frameTime = () =>
  new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** A task queued now runs after the current task and, inside a frame callback, after that frame's rendering. */
export const nextTask = () =>
  new Promise<number>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve(performance.now());
    };
    channel.port2.postMessage(0);
  });

/** Forces style and layout now (what the frame's rendering would do next) and returns when they are done. */
function layOut(): number {
  void document.documentElement.getBoundingClientRect();
  void document.body.offsetHeight;
  return performance.now();
}

interface FrameTimes {
  /** performance.now() in the frame's rAF callback: the frame begins; its style, layout and paint follow. */
  frame: number;
  /** Right after forcing that frame's style and layout from the callback (paint not included). */
  laidOut: number;
  /** The first task after the frame: its rendering done, and any task queued before (passive effects). */
  after: number;
}

/** The next animation frame's times. */
export function frameAndAfter(): Promise<FrameTimes> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const frame = performance.now();
      const laidOut = layOut();
      void nextTask().then((after) => resolve({ frame, laidOut, after }));
    });
  });
}

/**
 * Waits until the first frame whose callback finds `gone()` true (checked inside the callback, before
 * anything else of that frame runs). The times are NaN when it did not happen within `maxFrames`.
 */
export function frameWhen(gone: () => boolean, maxFrames = 120): Promise<FrameTimes & { frames: number }> {
  return new Promise((resolve) => {
    let frames = 0;
    const tick = () => {
      frames += 1;
      if (gone()) {
        const frame = performance.now();
        const laidOut = layOut();
        void nextTask().then((after) => resolve({ frame, laidOut, after, frames }));
      } else if (frames >= maxFrames)
        resolve({ frame: Number.NaN, laidOut: Number.NaN, after: Number.NaN, frames });
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** A start line for timed work: the task right after an animation frame, so every run starts in phase. */
export async function startOfFrame(): Promise<void> {
  await frameTime();
  await nextTask();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type HeapMethod = 'cdp' | 'performance.memory' | 'none';

interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize?: number;
}

/**
 * The renderer's JS heap after a full garbage collection. Over CDP (HeapProfiler.collectGarbage, then
 * Runtime.getHeapUsage: V8's used heap, and Blink's own heap where DOM nodes live as `embedder`); without
 * CDP, Chromium's coarse performance.memory and no forced collection.
 */
export async function heapAfterGc(): Promise<{ method: HeapMethod; js: number; embedder: number }> {
  try {
    const session = cdp();
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    const usage = (await session.send('Runtime.getHeapUsage')) as HeapUsage;
    return { method: 'cdp', js: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? Number.NaN };
  } catch {
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    if (!memory) return { method: 'none', js: Number.NaN, embedder: Number.NaN };
    return { method: 'performance.memory', js: memory.usedJSHeapSize, embedder: Number.NaN };
  }
}

/** Median of per-run ratios a[i] ÷ b[i] (runs are paired: the same round, a few ms apart), finite pairs only. */
export function pairedRatio(a: number[], b: number[]): number {
  const ratios = a.map((value, i) => value / (b[i] as number)).filter(Number.isFinite);
  return ratios.length ? median(ratios) : Number.NaN;
}

/** Median of the finite values; NaN when there are none. */
export function finiteMedian(values: number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length ? median(finite) : Number.NaN;
}
