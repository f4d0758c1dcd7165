import type { Meta, StoryObj } from '@storybook/react-vite';
import { ar, de } from 'date-fns/locale';
import type { CSSProperties } from 'react';
import { expect, within } from 'storybook/test';
import { DeviceIcon, type DeviceIconProps } from '../src/components/DeviceIcon.js';
import { RevokeAllSessionsButton } from '../src/components/RevokeAllSessionsButton.js';
import { RevokeOtherSessionsButton } from '../src/components/RevokeOtherSessionsButton.js';
import { SessionList } from '../src/components/SessionList.js';
import { SessionRow, type SessionRowProps } from '../src/components/SessionRow.js';
import { arMessages, deMessages } from '../src/messages/index.js';
import { SessionsStory, type SessionsStoryProps } from './support/SessionsStory.js';

function Page(props: Omit<SessionsStoryProps, 'children'>) {
  return (
    <SessionsStory {...props}>
      <SessionList />
      <div style={{ marginTop: 16, display: 'flex', gap: 12 }}>
        <RevokeOtherSessionsButton />
        <RevokeAllSessionsButton />
      </div>
    </SessionsStory>
  );
}

const meta = {
  title: 'Theming/Sessions page',
  component: Page,
  parameters: {
    docs: {
      description: {
        component:
          'The same page in dark, right to left, another language, unstyled, with classNames, with CSS knobs, and with registry overrides.',
      },
    },
  },
} satisfies Meta<typeof Page>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Light: Story = {};

export const Dark: Story = {
  args: { theme: 'dark', backend: { passwordRequirements: { revokeSession: 'required' } } },
};

export const RightToLeftArabic: Story = {
  args: { provider: { dir: 'rtl', locale: ar, messages: arMessages } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: arMessages.countHeading(5) })).toBeVisible();
    await expect(canvasElement.querySelector('.pk-root')).toHaveAttribute('dir', 'rtl');
  },
};

export const German: Story = {
  args: { provider: { locale: de, messages: deMessages } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Auf 5 Geräten angemeldet' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Firefox unter Windows abmelden' })).toBeVisible();
  },
};

export const Unstyled: Story = {
  args: { provider: { unstyled: true } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('heading', { name: 'Signed in on 5 devices' });
    await expect(canvasElement.querySelector('[class*="pk-"]')).toBeNull();
  },
};

export const WithClassNames: Story = {
  render: () => (
    <>
      <style>{'.story-row { background: #fefce8; } .story-badge { outline: 1px dashed #854d0e; }'}</style>
      <Page provider={{ classNames: { row: 'story-row', badge: 'story-badge' } }} />
    </>
  ),
};

const brand = {
  '--pk-radius': '1rem',
  '--pk-border': '#7c3aed',
  '--pk-current-background': '#ede9fe',
  '--pk-current-foreground': '#4c1d95',
  '--pk-destructive': '#9f1239',
} as CSSProperties;

export const CssKnobs: Story = {
  render: () => (
    <div style={brand}>
      <Page />
    </div>
  ),
};

function AuditedRow(props: SessionRowProps) {
  return <SessionRow {...props} className="audited-row" />;
}
function EmojiIcon({ type }: DeviceIconProps) {
  const glyph = { desktop: '🖥️', mobile: '📱', tablet: '📲', unknown: '❔' }[type];
  return (
    <span aria-hidden="true" data-device-type={type}>
      {glyph}
    </span>
  );
}

export const CustomComponentsViaRegistry: Story = {
  args: { provider: { components: { SessionRow: AuditedRow, DeviceIcon: EmojiIcon } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { name: 'Signed in on 5 devices' });
    await expect(canvasElement.querySelectorAll('.audited-row')).toHaveLength(5);
    await expect(canvasElement.querySelectorAll('svg')).toHaveLength(0);
  },
};

/** The default icon, for comparison with the override above. */
export const DefaultIcons: Story = {
  render: () => (
    <SessionsStory>
      <div style={{ display: 'flex', gap: 16 }}>
        {(['desktop', 'mobile', 'tablet', 'unknown'] as const).map((type) => (
          <DeviceIcon key={type} type={type} />
        ))}
      </div>
    </SessionsStory>
  ),
};
