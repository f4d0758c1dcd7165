import type { Meta, StoryObj } from '@storybook/react-vite';
import { ar, de } from 'date-fns/locale';
import type { ComponentProps } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { SecurityActivity } from '../src/components/SecurityActivity.js';
import { SessionList } from '../src/components/SessionList.js';
import { arMessages, deMessages } from '../src/messages/index.js';
import { DEMO_USER, SessionsStory, type SessionsStoryProps } from './support/SessionsStory.js';

type Args = ComponentProps<typeof SecurityActivity> & {
  story?: Omit<SessionsStoryProps, 'children'>;
  withList?: boolean;
};

const meta = {
  title: 'Components/SecurityActivity',
  component: SecurityActivity,
  parameters: {
    docs: {
      description: {
        component:
          '`SecurityActivity`: the user\'s authentication log, newest first — sign-ins (a new device marked), failed attempts grouped, sign-outs and who ended each session — with "Show more", and "This wasn\'t me?" on a recent sign-in from a new device, which signs it out (with the password where the server asks) and calls `onNotMe`. The in-memory server seeds a Windows PC as a new device after two wrong passwords.',
      },
    },
  },
  args: { onNotMe: fn() },
  render: ({ story, withList, ...args }: Args) => (
    <SessionsStory {...story}>
      {withList && <SessionList headingLevel={3} />}
      <SecurityActivity {...args} />
    </SessionsStory>
  ),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<typeof meta>;

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('list', { name: 'Security activity' });
    await expect(within(list).getByText('2 failed sign-in attempts')).toBeVisible();
    await expect(within(list).getByText('New device')).toBeVisible();
  },
};

export const NotMe: Story = {
  args: {
    withList: true,
    story: { backend: { passwordRequirements: { revokeSession: 'required' } } },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole('button', { name: 'This wasn’t me: sign out Firefox on Windows' }),
    );
    const dialog = await body(canvasElement).findByRole('alertdialog', {
      name: 'Sign out Firefox on Windows?',
    });
    await userEvent.type(within(dialog).getByLabelText('Password'), `${DEMO_USER.password}{Enter}`);
    await expect(await canvas.findByText(/That device was signed out/, { selector: 'p' })).toBeVisible();
    await expect(args.onNotMe).toHaveBeenCalledTimes(1);
    await expect(await canvas.findByRole('heading', { name: 'Signed in on 4 devices' })).toBeVisible();
  },
};

export const Paged: Story = {
  args: { pageSize: 3 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('list', { name: 'Security activity' });
    await userEvent.click(canvas.getByRole('button', { name: 'Show more' }));
    await expect(await within(list).findByText(/Chrome on macOS/)).toBeVisible();
  },
};

export const German: Story = {
  args: { story: { provider: { locale: de, messages: deMessages } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Letzte Sicherheitsaktivitäten' })).toBeVisible();
  },
};

export const ArabicRightToLeft: Story = {
  args: { story: { provider: { locale: ar, messages: arMessages, dir: 'rtl' } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const heading = await canvas.findByRole('heading', { name: 'نشاط الأمان الأخير' });
    await expect(heading.closest('section')).toHaveAttribute('dir', 'rtl');
    await expect(await canvas.findByRole('button', { name: /لم أكن أنا/ })).toBeVisible();
  },
};

export const Dark: Story = {
  args: { story: { theme: 'dark' } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('list', { name: 'Security activity' });
  },
};
