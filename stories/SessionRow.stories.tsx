import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { SessionRow } from '../src/components/SessionRow.js';
import { DEMO_USER_AGENTS } from '../src/memory/demoBackend.js';
import type { Session } from '../src/provider/types.js';
import { parseUserAgent } from '../src/userAgent/parseUserAgent.js';
import { SessionsStory } from './support/SessionsStory.js';

// A row renders what the list hands it: a session whose adapter (or server) already read its device.
const onAgent = (userAgent: string) => ({ userAgent, device: parseUserAgent(userAgent) ?? undefined });

const base: Session = {
  id: 'ses_story',
  isCurrent: false,
  trusted: false,
  ...onAgent(DEMO_USER_AGENTS.firefoxWindows),
  ipAddress: '192.0.2.145',
  lastActiveAt: new Date(Date.now() - 3 * 3_600_000),
};

const meta = {
  title: 'Components/SessionRow',
  component: SessionRow,
  parameters: {
    docs: {
      description: {
        component:
          'One device: icon, name, place or IP, last activity (exact time on hover and focus), badges, and a sign-out button named after the row. A list item.',
      },
    },
  },
  args: { session: base },
  render: (args) => (
    <SessionsStory>
      <ul className="pk-list">
        <SessionRow {...args} />
      </ul>
    </SessionsStory>
  ),
} satisfies Meta<typeof SessionRow>;
export default meta;
type Story = StoryObj<typeof meta>;

export const AnotherDevice: Story = {
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('button', { name: 'Sign out Firefox on Windows' }),
    ).toHaveAccessibleDescription(/IP 192.0.2.145/);
  },
};

/** One of several rows with this device's name: it says when it signed in, and its button is numbered. */
export const SharesItsName: Story = {
  args: {
    session: { ...base, createdAt: new Date(2026, 11, 3, 14, 5) },
    label: 'Firefox on Windows (2)',
    signInTime: 'minute',
  },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('button', { name: 'Sign out Firefox on Windows (2)' }),
    ).toHaveAccessibleDescription(/Signed in Dec 3, 2:05\sPM/);
  },
};

export const ThisDevice: Story = {
  args: {
    session: {
      ...base,
      isCurrent: true,
      trusted: true,
      ...onAgent(DEMO_USER_AGENTS.chromeMac),
      lastActiveAt: new Date(),
    },
  },
};

export const TrustedWithPlace: Story = {
  args: {
    session: {
      ...base,
      trusted: true,
      ...onAgent(DEMO_USER_AGENTS.safariIphone),
      location: { city: 'Porto', country: 'Portugal' },
    },
  },
};

export const ServerNamedDevice: Story = {
  args: { session: { ...base, device: { name: "Ana's Pixel", type: 'mobile' } } },
};

export const Tablet: Story = { args: { session: { ...base, ...onAgent(DEMO_USER_AGENTS.safariIpad) } } };

export const UnknownDevice: Story = {
  args: { session: { id: 'ses_unknown', isCurrent: false, trusted: false } },
};
