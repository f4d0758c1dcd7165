/**
 * The contract's double-submit CSRF names (docs/rest-contract.md, "CSRF"): the readable cookie the server
 * hands out and the header an unsafe request echoes it in — Laravel's and Angular's names. The reference
 * handler and the REST adapter default to them; either may be configured to others.
 */
export const CSRF_COOKIE_NAME = 'XSRF-TOKEN';
export const CSRF_HEADER_NAME = 'X-XSRF-TOKEN';
