// One sign-out, one path (issue 20): the row's click sends one POST, the acting tab refetches the list
// exactly once (the server's echo of its own action on the live stream is not news to it), and another
// tab of the same browser shows the row gone without asking the server again.
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SessionList } from '../../../src/components/SessionList.js';
import { DEMO_USER_AGENTS } from '../../../src/memory/demoBackend.js';
import type { SessionInput, SessionsDataProvider, SessionsLiveEvent } from '../../../src/provider/types.js';
import { createTestQueryClient } from '../../../src/testing/createTestQueryClient.js';
import { renderWithSessions } from '../../helpers/renderWithSessions.js';

/** A server for one user: its list, its revoke, and the live stream a real one sends to every tab. */
function server() {
  let sessions: SessionInput[] = [
    {
      id: 'mac',
      isCurrent: true,
      userAgent: DEMO_USER_AGENTS.chromeMac,
      device: { browser: 'Chrome', os: 'macOS' },
    },
    { id: 'phone', userAgent: DEMO_USER_AGENTS.safariIphone, device: { browser: 'Safari', os: 'iOS' } },
    { id: 'pc', userAgent: DEMO_USER_AGENTS.firefoxWindows, device: { browser: 'Firefox', os: 'Windows' } },
  ];
  const listeners = new Set<(event: SessionsLiveEvent) => void>();
  /** A tab: its own provider object (its own calls counted), the same server behind it. */
  const tab = () => {
    const listSessions = vi.fn(async () => ({ sessions, currentSessionId: 'mac' }));
    const revokeSession = vi.fn(async ({ sessionId }: { sessionId: string }) => {
      sessions = sessions.filter((s) => s.id !== sessionId);
      // The server tells every stream of the user, the acting tab's too, who ended it.
      queueMicrotask(() => {
        for (const listener of listeners)
          listener({ type: 'session.ended', sessionId, cause: 'revoked', bySessionId: 'mac' });
      });
    });
    const provider: SessionsDataProvider = {
      listSessions,
      revokeSession,
      subscribeToSessionEvents: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    return { provider, listSessions, revokeSession };
  };
  return { tab };
}

describe('one sign-out, one path', () => {
  it('sends one POST and refetches the list exactly once on the acting tab, ignoring the echo', async () => {
    const { tab } = server();
    const acting = tab();
    const { queryClient } = renderWithSessions(<SessionList />, {
      dataProvider: acting.provider,
      pollIntervalMs: false,
    });
    await screen.findByText('Safari on iOS');
    expect(acting.listSessions).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out Safari on iOS' }));
    await waitFor(() => expect(screen.queryByText('Safari on iOS')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Signed out Safari on iOS'));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(acting.revokeSession).toHaveBeenCalledTimes(1);
    expect(acting.listSessions).toHaveBeenCalledTimes(2);
    expect(screen.getByText('Firefox on Windows')).toBeInTheDocument();
  });

  it("shows another tab's sign-out in this tab without a request of its own", async () => {
    const { tab } = server();
    const acting = tab();
    const other = tab();
    const channel = `profilekit:test:${Math.random()}`;
    renderWithSessions(<SessionList />, {
      dataProvider: acting.provider,
      pollIntervalMs: false,
      crossTabSync: channel,
    });
    const second = renderWithSessions(<SessionList />, {
      dataProvider: other.provider,
      pollIntervalMs: false,
      crossTabSync: channel,
      queryClient: createTestQueryClient(),
    });
    await waitFor(() => expect(screen.getAllByText('Safari on iOS')).toHaveLength(2));
    await userEvent.click(
      screen.getAllByRole('button', { name: 'Sign out Safari on iOS' })[0] as HTMLElement,
    );
    await waitFor(() => expect(screen.queryAllByText('Safari on iOS')).toHaveLength(0));
    await waitFor(() => expect(second.queryClient.isFetching()).toBe(0));
    expect(other.listSessions).toHaveBeenCalledTimes(1);
    expect(other.revokeSession).not.toHaveBeenCalled();
  });
});
