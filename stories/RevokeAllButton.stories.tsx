import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentProps } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { RevokeAllButton } from '../src/components/RevokeAllButton.js';
import { SessionList } from '../src/components/SessionList.js';
import { DEMO_USER, SessionsStory, type SessionsStoryProps } from './support/SessionsStory.js';

type Args = ComponentProps<typeof RevokeAllButton> & {
  story?: Omit<SessionsStoryProps, 'children'>;
  withList?: boolean;
};

const passwordEverywhere = {
  passwordRequirements: { revokeOtherSessions: 'required', revokeAllSessions: 'required' },
} as const;

const meta = {
  title: 'Components/RevokeAllButton',
  component: RevokeAllButton,
  parameters: {
    docs: {
      description: {
        component:
          '`RevokeAllButton`: "Sign out other devices" (it renders `RevokeOtherSessionsButton`), or with `includeThisDevice` "Sign out everywhere" (`RevokeAllSessionsButton`): confirmed in a dialog (with the password when the provider asks), then the server\'s count. They work without a list.',
      },
    },
  },
  argTypes: { includeThisDevice: { control: 'boolean' } },
  render: ({ story, withList, ...args }: Args) => (
    <SessionsStory {...story}>
      {withList && <SessionList headingLevel={3} />}
      <div style={{ marginTop: 16 }}>
        <RevokeAllButton {...args} />
      </div>
    </SessionsStory>
  ),
} satisfies Meta<Args>;
export default meta;
type Story = StoryObj<typeof meta>;

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

export const OtherDevices: Story = {
  args: { withList: true, story: { backend: passwordEverywhere } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { name: 'Signed in on 5 devices' });
    const trigger = canvas.getByRole('button', { name: 'Sign out other devices' });
    await userEvent.click(trigger);
    const dialog = await body(canvasElement).findByRole('alertdialog', { name: 'Sign out other devices?' });
    const field = within(dialog).getByLabelText('Password');
    await userEvent.type(field, 'wrong{Enter}');
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('That password is not correct.');
    await expect(field).toHaveFocus();
    await userEvent.clear(field);
    await userEvent.type(field, `${DEMO_USER.password}{Enter}`);
    await expect(await canvas.findByText('Signed out of 4 devices', { selector: 'p' })).toBeVisible();
    await expect(await canvas.findByRole('heading', { name: 'Signed in on 1 device' })).toBeVisible();
  },
};

export const Everywhere: Story = {
  args: { includeThisDevice: true, story: { backend: passwordEverywhere, provider: { onSignedOut: fn() } } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out everywhere' }));
    const dialog = await body(canvasElement).findByRole('alertdialog', { name: 'Sign out everywhere?' });
    await userEvent.type(within(dialog).getByLabelText('Password'), `${DEMO_USER.password}{Enter}`);
    await waitFor(() =>
      expect(args.story?.provider?.onSignedOut).toHaveBeenCalledWith({ reason: 'revoked-all' }),
    );
  },
};

export const WithoutPassword: Story = { args: { withList: true } };

export const NothingToSignOut: Story = {
  args: { story: { backend: { otherDevices: 0 } } },
  play: async ({ canvasElement }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Sign out other devices' });
    await waitFor(() => expect(button).toHaveAttribute('aria-disabled', 'true'));
    await expect(button).toHaveAccessibleDescription('No other devices are signed in.');
  },
};

export const WhenTheBackendCannotList: Story = {
  args: {
    story: { setup: (server) => ({ revokeOtherSessions: server.provider.revokeOtherSessions }) },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out other devices' }));
    const dialog = await body(canvasElement).findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out other devices' }));
    await expect(await canvas.findByText('Signed out of 4 devices', { selector: 'p' })).toBeVisible();
  },
};

export const AsChild: Story = {
  args: {
    asChild: true,
    children: (
      <a href="#sign-out" style={{ color: '#1d4ed8' }}>
        Log out all other browser sessions
      </a>
    ),
  },
};

export const EscapeAndCancelReturnFocus: Story = {
  args: { story: { backend: passwordEverywhere } },
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Sign out other devices' });
    await userEvent.click(trigger);
    await body(canvasElement).findByRole('alertdialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(trigger).toHaveFocus());
    await userEvent.click(trigger);
    await userEvent.click(await body(canvasElement).findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      <SessionsStory>
        <RevokeAllButton />
      </SessionsStory>
      <SessionsStory>
        <RevokeAllButton includeThisDevice />
      </SessionsStory>
      <SessionsStory backend={{ otherDevices: 0 }}>
        <RevokeAllButton />
      </SessionsStory>
    </div>
  ),
};
