export type {
  MemoryBackend,
  MemoryBackendOptions,
  MemoryFault,
  MemorySession,
  MemorySessionInput,
  MemorySignInInput,
  MemoryUser,
  MemoryUserInput,
} from './createMemoryBackend.js';
export { createMemoryBackend } from './createMemoryBackend.js';
export type { DemoBackendOptions } from './demoBackend.js';
export { createDemoBackend, DEMO_USER, DEMO_USER_AGENTS } from './demoBackend.js';
