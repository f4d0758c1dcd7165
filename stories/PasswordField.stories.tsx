import type { Meta, StoryObj } from '@storybook/react-vite';
import { useId, useRef } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { PasswordField } from '../src/components/PasswordField.js';
import { SessionsStory } from './support/SessionsStory.js';

interface Args {
  withError?: boolean;
  readOnly?: boolean;
}

/** The field as its owners render it: the dialog and the re-auth prompt, with an error below it. */
function Field({ withError = false, readOnly = false }: Args) {
  const inputRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  return (
    <SessionsStory>
      <PasswordField inputRef={inputRef} errorId={withError ? errorId : undefined} readOnly={readOnly} />
      {withError && (
        <p id={errorId} role="alert" className="pk-error">
          That password is not correct.
        </p>
      )}
    </SessionsStory>
  );
}

const meta = {
  title: 'Components/PasswordField',
  component: Field,
  parameters: {
    docs: {
      description: {
        component:
          'The password field of the confirmation dialog and the re-auth prompt: labelled, `current-password`, tied to its error, and empty once it leaves the page.',
      },
    },
  },
} satisfies Meta<typeof Field>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const field = within(canvasElement).getByLabelText('Password');
    await expect(field).toHaveAttribute('autocomplete', 'current-password');
    await userEvent.type(field, 'typed');
    await expect(field).toHaveValue('typed');
  },
};

export const WithError: Story = {
  args: { withError: true },
  play: async ({ canvasElement }) => {
    const field = within(canvasElement).getByLabelText('Password');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription('That password is not correct.');
  },
};

export const WhileTheActionRuns: Story = { args: { readOnly: true } };

export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      <Field />
      <Field withError />
      <Field readOnly />
    </div>
  ),
};
