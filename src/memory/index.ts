export type {
  MemoryBackend,
  MemoryBackendOptions,
  MemoryFault,
  MemoryMethod,
  MemorySession,
  MemorySessionInput,
  MemorySignInInput,
  MemoryUser,
  MemoryUserInput,
} from './createMemoryBackend.js';
export { createMemoryBackend } from './createMemoryBackend.js';
export type { DemoBackendOptions } from './demoBackend.js';
export { createDemoBackend, DEMO_USER, DEMO_USER_AGENTS } from './demoBackend.js';
export type { LargeDemoBackendOptions } from './largeDemoBackend.js';
export { createLargeDemoBackend } from './largeDemoBackend.js';
