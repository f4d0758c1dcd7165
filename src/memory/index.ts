export type { MemoryAdminMethod, MemoryBackend, MemoryMethod } from './createMemoryBackend.js';
export { createMemoryBackend } from './createMemoryBackend.js';
export type { DemoBackendOptions } from './demoBackend.js';
export { createDemoBackend, DEMO_USER, DEMO_USER_AGENTS } from './demoBackend.js';
export type { LargeDemoBackendOptions } from './largeDemoBackend.js';
export { createLargeDemoBackend } from './largeDemoBackend.js';
// Every type of the memory server's options and records (api/memory.api.md lists them by name).
export type * from './memoryTypes.js';
