import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ReauthPrompt } from '../src/components/ReauthPrompt.js';
import { SessionsStory } from './support/SessionsStory.js';

const meta = {
  title: 'Components/ReauthPrompt',
  component: ReauthPrompt,
  parameters: {
    docs: {
      description: {
        component:
          'What SessionList shows for REAUTH_REQUIRED: a password field when the provider can confirm one, else a button that hands over to the host.',
      },
    },
  },
  render: () => (
    <SessionsStory>
      <ReauthPrompt />
    </SessionsStory>
  ),
} satisfies Meta<typeof ReauthPrompt>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithPassword: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Password'), 'wrong{Enter}');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('That password is not correct.');
  },
};

export const HandedToTheHost: Story = {
  render: () => (
    <SessionsStory
      provider={{ onReauthRequired: fn() }}
      setup={(server) => {
        const { reauthenticate: _unused, ...rest } = server.provider;
        return rest;
      }}
    >
      <ReauthPrompt />
    </SessionsStory>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Confirm it is you' })).toBeVisible();
  },
};
