import type { Meta, StoryObj } from '@storybook/react-vite';
import { ar, de } from 'date-fns/locale';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AdminSessionStats } from '../../src/admin/components/AdminSessionStats.js';
import { AdminSessionsTable } from '../../src/admin/components/AdminSessionsTable.js';
import { RevokeUserSessionsButton } from '../../src/admin/components/RevokeUserSessionsButton.js';
import { SessionDetails } from '../../src/admin/components/SessionDetails.js';
import { adminArMessages } from '../../src/admin/messages/ar.js';
import { adminDeMessages } from '../../src/admin/messages/de.js';
import type { AdminSession, AdminSessionsDataProvider } from '../../src/admin/provider/types.js';
import {
  AdminSessionsProvider,
  type AdminSessionsProviderProps,
} from '../../src/admin/registry/AdminSessionsProvider.js';
import { createLargeDemoBackend } from '../../src/memory/largeDemoBackend.js';
import { createTestQueryClient } from '../../src/testing/createTestQueryClient.js';

type Large = ReturnType<typeof createLargeDemoBackend>;

interface ConsoleProps {
  sessions?: number;
  theme?: 'light' | 'dark';
  /** Prepares the server and may return another provider (e.g. a non-admin one). */
  setup?: (large: Large) => AdminSessionsDataProvider | undefined;
  latency?: number;
  /** The console's language (and the kit's, for its shared parts), date-fns locale, and direction. */
  language?: Pick<AdminSessionsProviderProps, 'messages' | 'locale' | 'dir'>;
}

/** The whole admin console on its own memory server: stats, the table and the details dialog. */
function AdminConsole({ sessions = 2_000, theme = 'light', setup, latency, language }: ConsoleProps) {
  const [provider] = useState(() => {
    const large = createLargeDemoBackend({
      sessions,
      users: Math.max(10, Math.round(sessions / 20)),
      latency,
    });
    return setup?.(large) ?? large.adminProvider;
  });
  const [queryClient] = useState(createTestQueryClient);
  const [selected, setSelected] = useState<AdminSession | undefined>();
  return (
    <div
      data-theme={theme}
      style={{ background: theme === 'dark' ? '#09090b' : '#fff', padding: 16, width: 1100 }}
    >
      <AdminSessionsProvider dataProvider={provider} queryClient={queryClient} {...language}>
        <AdminSessionStats />
        <AdminSessionsTable applications={['web', 'mobile']} onSelectSession={setSelected} height={420} />
        <SessionDetails sessionId={selected?.id} onClose={() => setSelected(undefined)} />
      </AdminSessionsProvider>
    </div>
  );
}

const meta = {
  title: 'Admin/Console',
  component: AdminConsole,
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'Every user’s sessions: stats, a virtualized grid with server-side search, filters, sort and infinite loading, and one session’s details with the two ways to end it.',
      },
    },
  },
} satisfies Meta<typeof AdminConsole>;
export default meta;
type Story = StoryObj<typeof meta>;

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('2,001 sessions')).toBeVisible();
  },
};

export const HundredThousandSessions: Story = { args: { sessions: 100_000 } };

export const Loading: Story = { args: { latency: 10 * 60_000 } };

export const Dark: Story = { args: { theme: 'dark' } };

export const German: Story = {
  args: { language: { messages: adminDeMessages, locale: de } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('grid', { name: 'Alle Sitzungen' })).toBeVisible();
    await expect(await canvas.findByText('2.001 Sitzungen')).toBeVisible();
  },
};

export const Arabic: Story = {
  args: { language: { messages: adminArMessages, locale: ar, dir: 'rtl' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('grid', { name: 'كل الجلسات' })).toBeVisible();
  },
};

export const Searching: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('2,001 sessions');
    await userEvent.type(canvas.getByLabelText('Search sessions'), 'user7@example.org');
    await waitFor(() => expect(canvas.queryByText('2,001 sessions')).toBeNull());
    await expect(await canvas.findByText(/^\d{1,3} sessions?$/)).toBeVisible();
  },
};

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('2,001 sessions');
    await userEvent.type(canvas.getByLabelText('Search sessions'), 'nobody-has-this');
    await expect(await canvas.findByText('No sessions match.')).toBeVisible();
  },
};

export const Forbidden: Story = {
  args: { setup: (large) => large.adminProviderFor(large.addSession({ user: 'user_1' })) },
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(within(canvasElement).getAllByText('You are not allowed to see all sessions.')).toHaveLength(2),
    );
  },
};

export const Failing: Story = {
  args: {
    setup: (large) => {
      large.failNext('listAllSessions', 'NETWORK');
      return undefined;
    },
  },
};

export const DetailsAndSignOutAllOfAUser: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('2,001 sessions');
    const rows = within(canvas.getByRole('grid')).getAllByRole('row');
    await userEvent.click(rows[2] as HTMLElement);
    const dialog = await body(canvasElement).findByRole('dialog');
    await expect(within(dialog).getByText('Token (first 8 characters)')).toBeVisible();
    await userEvent.click(
      within(dialog).getByRole('button', { name: "Sign out all of this user's sessions" }),
    );
    const confirm = await body(canvasElement).findByRole('alertdialog');
    await userEvent.click(
      within(confirm).getByRole('button', { name: "Sign out all of this user's sessions" }),
    );
    await expect(await within(dialog).findByText(/^Signed out \d+ sessions?$/)).toBeVisible();
  },
};

export const UnknownSession: Story = {
  render: () => (
    <AdminSessionsProvider dataProvider={createLargeDemoBackend({ sessions: 10, users: 2 }).adminProvider}>
      <SessionDetails sessionId="ses_no_such" onClose={() => {}} />
    </AdminSessionsProvider>
  ),
  play: async ({ canvasElement }) => {
    await expect(await body(canvasElement).findByText('This session no longer exists.')).toBeVisible();
  },
};

export const RevokeUserSessions: Story = {
  render: () => (
    <AdminSessionsProvider dataProvider={createLargeDemoBackend({ sessions: 100, users: 5 }).adminProvider}>
      <RevokeUserSessionsButton userId="user_1" userLabel="user1@example.org" />
    </AdminSessionsProvider>
  ),
};
