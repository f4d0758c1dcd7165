import type { Rule } from '../context.js';
import { adminRules } from './adminRules.js';
import { finalRules } from './finalRules.js';
import { guardRules } from './guardRules.js';
import { lockoutRules } from './limitRules.js';
import { listRules } from './listRules.js';
import { revokeRules } from './revokeRules.js';

/**
 * Every rule, in the order they run: reads first, then requests a conforming server refuses, then the
 * password limit (it locks C2 only), then the admin's reads, then the revokes that end sessions for good, and last the sweeps over everything seen.
 */
export const RULES: readonly Rule[] = [
  ...listRules,
  ...guardRules,
  ...lockoutRules,
  ...adminRules,
  ...revokeRules,
  ...finalRules,
];

export const RULE_NAMES: readonly string[] = RULES.map((rule) => rule.name);
