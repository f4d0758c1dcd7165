/**
 * `profilekit/conformance`: the HTTP contract's rules, runnable against any live backend. Node only, no
 * React, nothing beyond Node's built-ins and the global fetch.
 */
export { formatResult, formatSummary } from './format.js';
export { optionProblems } from './options.js';
export { RULE_NAMES } from './rules/index.js';
export { MAX_REQUESTS, runConformance } from './runConformance.js';
export type { SignInOptions } from './signIn.js';
export { signInForCookies } from './signIn.js';
export type { ConformanceOptions, ConformanceReport, ConformanceResult } from './types.js';
