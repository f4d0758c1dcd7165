// The public surface of `profilekit/server/testing`: the SessionStore contract as tests, for any store
// (profilekit's own run it; a store of yours is done when it passes). Values first, then types.

export { StoreExpectationError } from './expectations.js';
export type { StoreSuiteOptions, StoreTest } from './sessionStoreTests.js';
export { runSessionStoreSuite, sessionStoreTests } from './sessionStoreTests.js';
export { sessionFixture } from './storeFixtures.js';
