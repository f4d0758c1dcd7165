// The conformance kit keeps its own copy of the contract's words (src/conformance/words.ts): it checks
// other people's servers and must not trust the code it checks. These lines tie the copy to src/contract
// at compile time: a word added, renamed or reordered on one side only fails `npm test` here.
import { expectTypeOf, test } from 'vitest';
import {
  ACTIVITY_KINDS,
  CODE_STATUS,
  END_CAUSES,
  EVENT_NAMES,
  LIMITS,
  SERVER_CODES,
} from '../../src/conformance/words.js';
import {
  ACTIVITY_KINDS as CONTRACT_ACTIVITY_KINDS,
  type DEFAULT_ADMIN_PAGE_SIZE,
  ERROR_STATUS,
  type MAX_ACTIVITY_PAGE_SIZE,
  type MAX_ADMIN_PAGE_SIZE,
  type MAX_STREAMS_PER_SESSION,
  type MAX_WRONG_PASSWORDS_PER_SESSION,
  SERVER_ERROR_CODES,
  SESSION_END_CAUSES,
  SESSION_EVENTS,
} from '../../src/contract/index.js';

test('the kit’s words are the contract’s words', () => {
  expectTypeOf(SERVER_CODES).toEqualTypeOf(SERVER_ERROR_CODES);
  expectTypeOf(CODE_STATUS).toEqualTypeOf(ERROR_STATUS);
  expectTypeOf(END_CAUSES).toEqualTypeOf(SESSION_END_CAUSES);
  expectTypeOf(EVENT_NAMES).toEqualTypeOf(SESSION_EVENTS);
  expectTypeOf(ACTIVITY_KINDS).toEqualTypeOf(CONTRACT_ACTIVITY_KINDS);
  expectTypeOf(LIMITS.maxWrongPasswordsPerSession).toEqualTypeOf<typeof MAX_WRONG_PASSWORDS_PER_SESSION>();
  expectTypeOf(LIMITS.maxStreamsPerSession).toEqualTypeOf<typeof MAX_STREAMS_PER_SESSION>();
  expectTypeOf(LIMITS.maxAdminPageSize).toEqualTypeOf<typeof MAX_ADMIN_PAGE_SIZE>();
  expectTypeOf(LIMITS.defaultAdminPageSize).toEqualTypeOf<typeof DEFAULT_ADMIN_PAGE_SIZE>();
  expectTypeOf(LIMITS.maxActivityPageSize).toEqualTypeOf<typeof MAX_ACTIVITY_PAGE_SIZE>();
});
