// The contract between the halves (docs/rest-contract.md) in code: its words, shapes, limits, routes and
// parameter rules. No React, no Node built-ins: the server, the REST adapter, the data layer and the memory
// backend import it; the conformance kit keeps its own copy, tied to this one by a compile-time check.

export * from './activity.js';
export * from './csrf.js';
export * from './errors.js';
export * from './events.js';
export * from './limits.js';
export * from './params.js';
export * from './policy.js';
export * from './routes.js';
export * from './wire.js';
