import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { PasswordConfirmDialog } from '../src/components/PasswordConfirmDialog.js';
import { SessionsError } from '../src/provider/SessionsError.js';
import { SessionsStory } from './support/SessionsStory.js';

const meta = {
  title: 'Components/PasswordConfirmDialog',
  component: PasswordConfirmDialog,
  parameters: {
    docs: {
      description: {
        component:
          'A destructive confirmation with alert-dialog behaviour on Radix Dialog. Resolve `onConfirm` to close; reject with a SessionsError to stay open with its message.',
      },
    },
  },
  args: {
    title: 'Sign out Firefox on Windows?',
    description: 'Firefox on Windows will be signed out at once.',
    trigger: <button type="button">Sign out Firefox on Windows</button>,
    onConfirm: fn(() => Promise.resolve()),
  },
  render: (args) => (
    <SessionsStory>
      <PasswordConfirmDialog {...args} />
    </SessionsStory>
  ),
} satisfies Meta<typeof PasswordConfirmDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

const body = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body);

export const Open: Story = { args: { defaultOpen: true } };

export const WithoutPassword: Story = {
  args: {
    defaultOpen: true,
    requirePassword: false,
    title: 'Sign out everywhere?',
    description: 'Every device.',
  },
  play: async ({ canvasElement }) => {
    await expect(await body(canvasElement).findByRole('button', { name: 'Cancel' })).toHaveFocus();
  },
};

export const WrongPassword: Story = {
  args: { onConfirm: fn(() => Promise.reject(new SessionsError('INVALID_PASSWORD'))) },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Sign out Firefox on Windows' }));
    const dialog = await body(canvasElement).findByRole('alertdialog');
    const field = within(dialog).getByLabelText('Password');
    await expect(field).toHaveFocus();
    await userEvent.type(field, 'hunter2{Enter}');
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent('That password is not correct.');
    await expect(field).toHaveFocus();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  },
};

export const RateLimited: Story = {
  args: {
    onConfirm: fn(() => Promise.reject(new SessionsError('RATE_LIMITED', undefined, { retryAfter: 45 }))),
  },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Sign out Firefox on Windows' }));
    await userEvent.keyboard('x{Enter}');
    await expect(await body(canvasElement).findByRole('alert')).toHaveTextContent('Try again in 45 seconds.');
  },
};

export const Pending: Story = {
  args: { onConfirm: fn(() => new Promise(() => {})) },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Sign out Firefox on Windows' }));
    await userEvent.keyboard('secret{Enter}{Escape}');
    await expect(await body(canvasElement).findByRole('button', { name: 'Signing out…' })).toBeVisible();
    await expect(body(canvasElement).getByRole('alertdialog')).toBeVisible();
  },
};

export const CancelReturnsFocus: Story = {
  play: async ({ canvasElement }) => {
    const trigger = within(canvasElement).getByRole('button', { name: 'Sign out Firefox on Windows' });
    await userEvent.click(trigger);
    await userEvent.click(await body(canvasElement).findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(trigger).toHaveFocus());
    await expect(canvasElement.ownerDocument.querySelector('input[type="password"]')).toBeNull();
  },
};

/** A host's icon-only trigger: its aria-label is its only name (axe fails the story without it). */
export const IconOnlyTrigger: Story = {
  args: {
    trigger: (
      <button type="button" aria-label="Sign out Firefox on Windows">
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
          <path d="M6 2H2v12h4M10 4l4 4-4 4M14 8H6" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole('button', { name: 'Sign out Firefox on Windows' }),
    ).toBeVisible();
  },
};
