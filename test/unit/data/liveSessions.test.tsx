import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SessionList } from '../../../src/components/SessionList.js';
import { sessionSetFingerprint } from '../../../src/contract/events.js';
import { SessionsError } from '../../../src/provider/SessionsError.js';
import type { SessionInput, SessionsDataProvider, SessionsLiveEvent } from '../../../src/provider/types.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';

const MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const PIXEL =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

/** A backend whose list the test changes (rows with `device`, as a server sends them), with a live stream the test drives. */
function liveBackend() {
  let sessions: SessionInput[] = [
    { id: 'mac', isCurrent: true, userAgent: MAC, device: { browser: 'Chrome', os: 'macOS' } },
  ];
  let emit: (event: SessionsLiveEvent) => void = () => {};
  const unsubscribe = vi.fn();
  const listSessions = vi.fn(async () => ({ sessions }));
  const dataProvider: SessionsDataProvider = {
    listSessions,
    subscribeToSessionEvents: (listener) => {
      emit = listener;
      return unsubscribe;
    },
  };
  return {
    dataProvider,
    listSessions,
    unsubscribe,
    setSessions: (next: SessionInput[]) => {
      sessions = next;
    },
    emit: (event: SessionsLiveEvent) => act(() => emit(event)),
  };
}

describe('live events', () => {
  it('shows a sign-in on another device as soon as the stream reports it', async () => {
    const backend = liveBackend();
    renderWithSessions(<SessionList />, { dataProvider: backend.dataProvider, pollIntervalMs: false });
    await screen.findByText('Chrome on macOS');
    backend.setSessions([
      { id: 'mac', isCurrent: true, userAgent: MAC, device: { browser: 'Chrome', os: 'macOS' } },
      { id: 'pixel', userAgent: PIXEL, device: { browser: 'Chrome', os: 'Android' } },
    ]);
    await backend.emit({ type: 'session.started', sessionId: 'pixel' });
    expect(await screen.findByText('Chrome on Android')).toBeInTheDocument();
  });

  it('hands this device to onSignedOut with the cause when the stream says it was signed out', async () => {
    const backend = liveBackend();
    const onSignedOut = vi.fn();
    renderWithSessions(<SessionList />, {
      dataProvider: backend.dataProvider,
      onSignedOut,
      pollIntervalMs: false,
    });
    await screen.findByText('Chrome on macOS');
    await backend.emit({ type: 'signed-out', cause: 'revoked', bySessionId: 'pixel' });
    expect(onSignedOut).toHaveBeenCalledExactlyOnceWith({ reason: 'session-ended', cause: 'revoked' });
    expect(backend.unsubscribe).toHaveBeenCalled();
  });

  it('shows a device that signed in between the first fetch and the first connect', async () => {
    const backend = liveBackend();
    renderWithSessions(<SessionList />, { dataProvider: backend.dataProvider, pollIntervalMs: false });
    await screen.findByText('Chrome on macOS');
    // Its session.started went out before this stream existed: only a refetch can show it.
    backend.setSessions([
      { id: 'mac', isCurrent: true, userAgent: MAC, device: { browser: 'Chrome', os: 'macOS' } },
      { id: 'pixel', userAgent: PIXEL, device: { browser: 'Chrome', os: 'Android' } },
    ]);
    await backend.emit({ type: 'connected' });
    expect(await screen.findByText('Chrome on Android')).toBeInTheDocument();
    expect(backend.listSessions).toHaveBeenCalledTimes(2);
  });

  it('does not refetch on connect when the server names the same sessions the list holds', async () => {
    const backend = liveBackend();
    renderWithSessions(<SessionList />, { dataProvider: backend.dataProvider, pollIntervalMs: false });
    await screen.findByText('Chrome on macOS');
    await backend.emit({ type: 'connected', fingerprint: sessionSetFingerprint(['mac']) });
    expect(backend.listSessions).toHaveBeenCalledTimes(1);
    // Another name: something changed before the stream was listening.
    await backend.emit({ type: 'disconnected' });
    backend.setSessions([
      { id: 'mac', isCurrent: true, userAgent: MAC, device: { browser: 'Chrome', os: 'macOS' } },
      { id: 'pixel', userAgent: PIXEL, device: { browser: 'Chrome', os: 'Android' } },
    ]);
    await backend.emit({ type: 'connected', fingerprint: sessionSetFingerprint(['mac', 'pixel']) });
    expect(await screen.findByText('Chrome on Android')).toBeInTheDocument();
  });

  it('refetches after a reconnect (events may have been missed)', async () => {
    const backend = liveBackend();
    renderWithSessions(<SessionList />, { dataProvider: backend.dataProvider, pollIntervalMs: false });
    await screen.findByText('Chrome on macOS');
    await backend.emit({ type: 'connected' });
    await backend.emit({ type: 'disconnected' });
    backend.setSessions([
      { id: 'mac', isCurrent: true, userAgent: MAC, device: { browser: 'Chrome', os: 'macOS' } },
      { id: 'pixel', userAgent: PIXEL, device: { browser: 'Chrome', os: 'Android' } },
    ]);
    await backend.emit({ type: 'connected' });
    expect(await screen.findByText('Chrome on Android')).toBeInTheDocument();
  });

  it('says it is offline soon after the stream breaks and the server cannot be reached', async () => {
    const backend = liveBackend();
    renderWithSessions(<SessionList />, { dataProvider: backend.dataProvider, pollIntervalMs: false });
    await screen.findByText('Chrome on macOS');
    await backend.emit({ type: 'connected', fingerprint: sessionSetFingerprint(['mac']) });
    expect(backend.listSessions).toHaveBeenCalledTimes(1);

    backend.listSessions.mockRejectedValue(new SessionsError('NETWORK', 'Failed to fetch'));
    await backend.emit({ type: 'disconnected' });
    expect(await screen.findByText('Offline — showing what we last saw')).toHaveRole('status');
    expect(screen.getByText('Chrome on macOS')).toBeInTheDocument();
    // Each failed reconnect says "disconnected" again: that is no news, and asks the server nothing.
    await backend.emit({ type: 'disconnected' });
    await backend.emit({ type: 'disconnected' });
    expect(backend.listSessions).toHaveBeenCalledTimes(2);
  });

  it('does not subscribe when live is off', async () => {
    const backend = liveBackend();
    const subscribe = vi.spyOn(backend.dataProvider, 'subscribeToSessionEvents');
    renderWithSessions(<SessionList />, {
      dataProvider: backend.dataProvider,
      live: false,
      pollIntervalMs: false,
    });
    await screen.findByText('Chrome on macOS');
    expect(subscribe).not.toHaveBeenCalled();
  });
});

describe('polling where there is no stream', () => {
  it('refetches the list on an interval, and a device signed in elsewhere appears', async () => {
    let sessions: SessionInput[] = [
      { id: 'mac', isCurrent: true, userAgent: MAC, device: { browser: 'Chrome', os: 'macOS' } },
    ];
    const listSessions = vi.fn(async () => ({ sessions }));
    renderWithSessions(<SessionList />, { dataProvider: { listSessions }, pollIntervalMs: 25 });
    await screen.findByText('Chrome on macOS');
    sessions = [...sessions, { id: 'pixel', userAgent: PIXEL, device: { browser: 'Chrome', os: 'Android' } }];
    expect(await screen.findByText('Chrome on Android')).toBeInTheDocument();
  });
});
