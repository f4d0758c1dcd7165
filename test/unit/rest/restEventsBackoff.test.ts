import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionsLiveEvent } from '../../../src/provider/types.js';
import { createRestSessionsProvider } from '../../../src/rest/createRestSessionsProvider.js';
import type { EventSourceConstructor } from '../../../src/rest/restEvents.js';
import { fakeFetch } from './fakeFetch.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/**
 * The browser's EventSource against a server the test starts and stops. While it is stopped every attempt
 * is refused at once, and the source stays CONNECTING, as a browser's does when it means to retry by itself
 * (every 2 s, forever). `attemptsAt` holds the (fake) time of every connection the adapter opened.
 */
function streamServer() {
  const state = { running: false };
  const attemptsAt: number[] = [];
  const open: FakeEventSource[] = [];
  class FakeEventSource extends EventTarget {
    readyState = 0;
    onopen: ((event: Event) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    constructor() {
      super();
      attemptsAt.push(Date.now());
      // The answer comes after the adapter has set its handlers, as over a network (but at no cost in time).
      queueMicrotask(() => {
        if (this.readyState === 2) return;
        if (!state.running) {
          this.onerror?.(new Event('error'));
          return;
        }
        this.readyState = 1;
        open.push(this);
        this.onopen?.(new Event('open'));
        this.dispatchEvent(new MessageEvent('connected', { data: '{"fingerprint":null}' }));
      });
    }
    close() {
      this.readyState = 2;
    }
  }
  return {
    // EventSourceConstructor asks for every overload of the DOM's addEventListener, which only the DOM's
    // own EventSource declares; this one has what the adapter calls.
    EventSource: FakeEventSource as unknown as EventSourceConstructor,
    attemptsAt,
    start: () => {
      state.running = true;
    },
    /** The server goes away: its open streams break, and new ones are refused. */
    stop: () => {
      state.running = false;
      for (const source of open.splice(0)) {
        source.readyState = 0;
        source.onerror?.(new Event('error'));
      }
    },
  };
}

function subscribe(server: ReturnType<typeof streamServer>) {
  const events: SessionsLiveEvent['type'][] = [];
  const provider = createRestSessionsProvider({
    baseUrl: '/api',
    fetch: fakeFetch().fetch,
    eventSource: server.EventSource,
  });
  const unsubscribe = provider.subscribeToSessionEvents?.((event) => events.push(event.type));
  return { events, unsubscribe: () => unsubscribe?.() };
}

/** The waits between one attempt and the next. */
const gaps = (times: number[]) => times.slice(1).map((time, i) => time - (times[i] ?? 0));

beforeEach(() => {
  vi.useFakeTimers();
  // Jitter at its middle: the waits are the schedule itself.
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the live stream while the server is stopped', () => {
  it('tries again less and less often, then once a minute, instead of every 2 seconds', async () => {
    const server = streamServer();
    subscribe(server);
    await vi.advanceTimersByTimeAsync(10 * MINUTE);

    expect(gaps(server.attemptsAt).slice(0, 9)).toEqual([
      1 * SECOND,
      2 * SECOND,
      4 * SECOND,
      8 * SECOND,
      16 * SECOND,
      32 * SECOND,
      MINUTE,
      MINUTE,
      MINUTE,
    ]);
    // Fifteen attempts in ten minutes; the browser's own retry would have made three hundred.
    expect(server.attemptsAt).toHaveLength(15);
  });

  it('connects when the server is back, and starts over from a second after that stream breaks', async () => {
    const server = streamServer();
    const { events } = subscribe(server);
    await vi.advanceTimersByTimeAsync(20 * SECOND);
    expect(gaps(server.attemptsAt)).toEqual([1 * SECOND, 2 * SECOND, 4 * SECOND, 8 * SECOND]);

    server.start();
    // The next wait (16 s) ends while the server runs.
    await vi.advanceTimersByTimeAsync(16 * SECOND);
    expect(events.at(-1)).toBe('connected');

    const brokeAt = Date.now();
    server.stop();
    expect(events.at(-1)).toBe('disconnected');
    await vi.advanceTimersByTimeAsync(4 * SECOND);
    // A second, then two more, as at the very start: not the 32 s the schedule had reached.
    expect(server.attemptsAt.filter((t) => t > brokeAt).map((t) => t - brokeAt)).toEqual([
      1 * SECOND,
      3 * SECOND,
    ]);
  });

  it('stops trying once unsubscribed', async () => {
    const server = streamServer();
    const { unsubscribe } = subscribe(server);
    await vi.advanceTimersByTimeAsync(5 * SECOND);
    const attempts = server.attemptsAt.length;
    unsubscribe();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(server.attemptsAt).toHaveLength(attempts);
  });
});
