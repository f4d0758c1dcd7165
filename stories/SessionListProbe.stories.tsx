import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { SessionList } from '../src/components/SessionList.js';
import { createDemoBackend } from '../src/memory/demoBackend.js';
import { SessionsProvider } from '../src/registry/SessionsProvider.js';

const meta = {
  title: 'Probe/SessionList',
  component: SessionList,
  render: (args) => (
    <SessionsProvider dataProvider={createDemoBackend().provider}>
      <SessionList {...args} />
    </SessionsProvider>
  ),
} satisfies Meta<typeof SessionList>;
export default meta;

export const Ready: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Signed in on 5 devices' })).toBeInTheDocument();
  },
};
