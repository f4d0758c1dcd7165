import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentProps } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { SessionList } from '../src/components/SessionList.js';
import { SessionsError } from '../src/provider/SessionsError.js';
import type { SessionsDataProvider } from '../src/provider/types.js';
import {
  DEMO_USER,
  type DemoBackend,
  SessionsStory,
  type SessionsStoryProps,
} from './support/SessionsStory.js';

type Args = ComponentProps<typeof SessionList> & { story?: Omit<SessionsStoryProps, 'children'> };

const meta = {
  title: 'Components/SessionList',
  component: SessionList,
  parameters: {
    docs: {
      description: {
        component:
          'Every device the user is signed in on, this one first: skeleton while loading, a password prompt when the backend wants a fresh login (never an empty list), an error with a retry.',
      },
    },
  },
  render: ({ story, ...args }: Args) => (
    <SessionsStory {...story}>
      <SessionList {...args} />
    </SessionsStory>
  ),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<typeof meta>;

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Signed in on 5 devices' })).toBeInTheDocument();
    const rows = canvas.getAllByRole('listitem');
    await expect(within(rows[0] as HTMLElement).getByText('This device')).toBeInTheDocument();
  },
};

export const Loading: Story = { args: { story: { backend: { latency: 10 * 60_000 } } } };

export const Empty: Story = {
  args: { applicationId: 'no-such-app' },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('You are not signed in on any device here.'),
    ).toBeVisible();
  },
};

export const CurrentOnly: Story = { args: { story: { backend: { otherDevices: 0 } } } };

export const WithoutCountHeading: Story = { args: { showCount: false } };

export const FilteredByApplication: Story = { args: { applicationId: 'mobile' } };

export const ManySessions: Story = {
  args: {
    story: {
      setup: (server) => {
        for (let i = 0; i < 40; i++) {
          server.addSession({
            user: 'user_ana',
            userAgent: `Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:${100 + i}.0) Gecko/20100101 Firefox/${100 + i}.0`,
            ipAddress: `198.51.100.${i}`,
            lastActiveAt: Date.now() - i * 3_600_000,
          });
        }
        return undefined;
      },
    },
  },
};

export const LongAndHostileStrings: Story = {
  args: {
    story: {
      setup: (server) => {
        server.addSession({
          user: 'user_ana',
          userAgent: `Mozilla/5.0 ${'(KHTML, like Gecko) '.repeat(100)}`,
        });
        server.addSession({
          user: 'user_ana',
          device: { name: '<script>alert(1)</script>' },
          ipAddress: '203.0.113.9',
        });
        server.addSession({
          user: 'user_ana',
          device: { name: '<img src=x onerror=alert(1)>' },
          location: { city: '\u202Egnp.exe', country: '😀 Emoji Land' },
        });
        server.addSession({ user: 'user_ana', device: { name: 'W'.repeat(300) } });
        return undefined;
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('<script>alert(1)</script>')).toBeInTheDocument();
    await expect(canvasElement.querySelector('img, script')).toBeNull();
    for (const row of canvas.getAllByRole('listitem'))
      await expect(row.scrollWidth).toBeLessThanOrEqual(row.clientWidth);
  },
};

export const LocationIpOrNeither: Story = {
  args: {
    story: {
      backend: { otherDevices: 0 },
      setup: (server) => {
        server.addSession({
          user: 'user_ana',
          device: { name: 'With a place' },
          location: { city: 'Lima', country: 'Peru' },
        });
        server.addSession({ user: 'user_ana', device: { name: 'With an IP only' }, ipAddress: '192.0.2.1' });
        server.addSession({ user: 'user_ana', device: { name: 'With neither' } });
        server.addSession({ user: 'user_ana', userAgent: 'zzz-unknown-agent' });
        return undefined;
      },
    },
  },
};

export const ErrorWithRetry: Story = {
  args: { story: { setup: (server) => void server.failNext('listSessions', 'NETWORK') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('The server could not be reached.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
  },
};

export const ReauthRequired: Story = {
  args: { story: { setup: (server) => void server.requireReauth(server.currentSessionId) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('Password'), 'wrong{Enter}');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('That password is not correct.');
    await userEvent.clear(canvas.getByLabelText('Password'));
    await userEvent.type(canvas.getByLabelText('Password'), `${DEMO_USER.password}{Enter}`);
    await expect(await canvas.findByRole('heading', { name: 'Signed in on 5 devices' })).toBeVisible();
  },
};

export const ReauthByHost: Story = {
  args: {
    story: {
      provider: { onReauthRequired: fn() },
      setup: (server) => {
        server.requireReauth(server.currentSessionId);
        const { reauthenticate: _unused, ...withoutReauth } = server.provider;
        return withoutReauth;
      },
    },
  },
};

export const SignOutOneDevice: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out Firefox on Windows' }));
    await expect(canvas.queryByText('Firefox on Windows')).toBeNull();
    await waitFor(() =>
      expect(body(canvasElement).getByRole('status')).toHaveTextContent('Signed out Firefox on Windows'),
    );
  },
};

export const SignOutFails: Story = {
  args: { story: { setup: (server) => void server.failNext('revokeSession', 'FORBIDDEN') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out Firefox on Windows' }));
    const message = await within(canvas.getByRole('list')).findByText(
      'Could not sign out Firefox on Windows. You are not allowed to do that.',
    );
    await expect(message.closest('li')).toHaveAttribute('data-state', 'error');
  },
};

/** Signing this device out fails: the reason shows under its button, and the host is not told "signed out". */
export const SignOutThisDeviceFails: Story = {
  args: { story: { setup: (server) => void server.failNext('signOut', 'NETWORK') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out of this device' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Could not sign you out. The server could not be reached. Check your connection and try again.',
    );
  },
};

export const PasswordRequired: Story = {
  args: { story: { backend: { passwordRequirements: { revokeSession: 'required' } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = await canvas.findByRole('button', { name: 'Sign out Firefox on Windows' });
    await userEvent.click(trigger);
    const dialog = await body(canvasElement).findByRole('alertdialog', {
      name: 'Sign out Firefox on Windows?',
    });
    await userEvent.type(within(dialog).getByLabelText('Password'), 'wrong{Enter}');
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('That password is not correct.');
    await expect(within(dialog).getByLabelText('Password')).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

export const RateLimited: Story = {
  args: {
    story: {
      backend: { passwordRequirements: { revokeSession: 'required' } },
      setup: (server) => void server.failNext('revokeSession', { code: 'RATE_LIMITED', retryAfter: 30 }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out Firefox on Windows' }));
    const dialog = await body(canvasElement).findByRole('alertdialog');
    await userEvent.type(within(dialog).getByLabelText('Password'), 'anything{Enter}');
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('Try again in 30 seconds.');
  },
};

export const SignedOutElsewhere: Story = {
  args: {
    story: {
      provider: { onSignedOut: fn() },
      setup: (server) => void server.endSession(server.currentSessionId),
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('You are signed out on this device.')).toBeVisible();
  },
};

/** The server answers the first load, then no longer: as when it stops, or the network goes. */
const unreachableAfterFirstLoad = (server: DemoBackend): SessionsDataProvider => {
  const { listSessions } = server.provider;
  let loads = 0;
  return {
    ...server.provider,
    listSessions: (params) =>
      loads++ === 0 && listSessions
        ? listSessions(params)
        : Promise.reject(new SessionsError('NETWORK', 'Failed to fetch')),
  };
};

/** A refresh (here, the one after a sign-out) cannot reach the server: the rows stay, said to be the last seen. */
export const Offline: Story = {
  args: { story: { setup: unreachableAfterFirstLoad } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out Firefox on Windows' }));
    await expect(await canvas.findByText('Offline — showing what we last saw')).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Signed in on 4 devices' })).toBeVisible();
  },
};

export const CannotList: Story = {
  args: {
    story: { setup: (server) => ({ revokeOtherSessions: server.provider.revokeOtherSessions }) },
  },
};

/** Ready, loading, error, re-auth and empty, side by side, each on its own server. */
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      <SessionsStory>
        <SessionList headingLevel={3} />
      </SessionsStory>
      <SessionsStory backend={{ latency: 10 * 60_000 }}>
        <SessionList headingLevel={3} />
      </SessionsStory>
      <SessionsStory setup={(server) => void server.failNext('listSessions', 'NETWORK')}>
        <SessionList headingLevel={3} />
      </SessionsStory>
      <SessionsStory setup={(server) => void server.requireReauth(server.currentSessionId)}>
        <SessionList headingLevel={3} />
      </SessionsStory>
      <SessionsStory>
        <SessionList headingLevel={3} applicationId="no-such-app" />
      </SessionsStory>
    </div>
  ),
};
