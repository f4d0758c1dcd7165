import '../../src/styles.css';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// As in the unit setup: a wait ends when its condition holds; the limit is only when to give up.
configure({ asyncUtilTimeout: 15_000 });
