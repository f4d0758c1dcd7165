import type { Meta, StoryObj } from '@storybook/react-vite';
import { ar } from 'date-fns/locale';
import { useState } from 'react';
import { expect, within } from 'storybook/test';
import { AdminActivity } from '../../src/admin/components/AdminActivity.js';
import { AdminActivityChart } from '../../src/admin/components/AdminActivityChart.js';
import { adminArMessages } from '../../src/admin/messages/ar.js';
import {
  AdminSessionsProvider,
  type AdminSessionsProviderProps,
} from '../../src/admin/registry/AdminSessionsProvider.js';
import { DEMO_USER_AGENTS } from '../../src/memory/demoBackend.js';
import { createLargeDemoBackend } from '../../src/memory/largeDemoBackend.js';
import { createTestQueryClient } from '../../src/testing/createTestQueryClient.js';

const DAY_MS = 86_400_000;

interface ActivityConsoleProps {
  theme?: 'light' | 'dark';
  language?: Pick<AdminSessionsProviderProps, 'messages' | 'locale' | 'dir'>;
}

/** The log and its chart over 400 sessions signed in across 20 days, with bursts of failed sign-ins. */
function ActivityConsole({ theme = 'light', language }: ActivityConsoleProps) {
  const [provider] = useState(() => {
    const large = createLargeDemoBackend({ sessions: 400, users: 40 });
    const now = Date.now();
    for (let i = 0; i < 60; i++) {
      large.addFailedSignIn({
        email: i % 3 === 0 ? `user${i}@example.org` : 'root@example.org',
        userAgent: DEMO_USER_AGENTS.firefoxWindows,
        ipAddress: '192.0.2.66',
        at: now - ((i * 7) % 4) * DAY_MS - i * 60_000,
      });
    }
    return large.adminProvider;
  });
  const [queryClient] = useState(createTestQueryClient);
  return (
    <div
      data-theme={theme}
      style={{ background: theme === 'dark' ? '#09090b' : '#fff', padding: 16, width: 1000 }}
    >
      <AdminSessionsProvider dataProvider={provider} queryClient={queryClient} {...language}>
        <AdminActivityChart />
        <AdminActivity pageSize={10} />
      </AdminSessionsProvider>
    </div>
  );
}

const meta = {
  title: 'Admin/Activity',
  component: ActivityConsole,
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'The authentication log for an admin: 30 days of sign-ins and failed sign-ins (bars to look at, a table for screen readers) and every account’s entries, newest first. `SessionDetails` shows one account’s.',
      },
    },
  },
} satisfies Meta<typeof ActivityConsole>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('table', { name: 'Sign-ins, last 30 days' })).toBeInTheDocument();
    const log = await canvas.findByRole('table', { name: 'Activity' });
    await expect(within(log).getAllByRole('row')).toHaveLength(11);
  },
};

export const Dark: Story = { args: { theme: 'dark' } };

export const ArabicRightToLeft: Story = {
  args: { language: { messages: adminArMessages, locale: ar, dir: 'rtl' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'النشاط' })).toBeVisible();
  },
};
