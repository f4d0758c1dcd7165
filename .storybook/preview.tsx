import type { Preview } from '@storybook/react-vite';
import { configure } from 'storybook/test';
import '../src/styles.css';

// A play function's wait ends as soon as what it waits for shows; the limit is only when to give up, and a
// story tested on a busy machine (a CI runner, a laptop compiling) needs room.
configure({ asyncUtilTimeout: 15_000 });

const preview: Preview = {
  parameters: {
    // Every story is checked by axe; a violation fails its test (see `npm test`).
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'padded',
  },
  tags: ['autodocs'],
};
export default preview;
