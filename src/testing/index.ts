export { createTestDataProvider } from './createTestDataProvider.js';
export { createTestQueryClient } from './createTestQueryClient.js';
