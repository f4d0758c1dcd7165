import type { Rule } from '../context.js';
import { accountRules } from './accountRules.js';
import { activityAfterRevokeRules, activityRules } from './activityRules.js';
import { adminActivityRules } from './adminActivityRules.js';
import { adminRevokeSessionRule, adminRevokeUserRule, statsCountRule } from './adminEndRules.js';
import { adminRules } from './adminRules.js';
import { finalRules } from './finalRules.js';
import { guardRules } from './guardRules.js';
import { lockoutRules } from './limitRules.js';
import { listRules } from './listRules.js';
import { notMeRules } from './notMeRules.js';
import { revokeRules } from './revokeRules.js';

/**
 * Every rule, in the order they run: reads first, then requests a conforming server refuses, then the
 * password limit (it locks C2 only), then the activity log (optional) and the not-me report (it ends C6),
 * then the admin's reads, then the revokes that end sessions for good, and last the sweeps over
 * everything seen.
 */
export const RULES: readonly Rule[] = [
  ...listRules,
  ...guardRules,
  ...lockoutRules,
  ...accountRules,
  ...activityRules,
  ...notMeRules,
  ...adminRules,
  ...adminActivityRules,
  ...revokeRules.slice(0, 1), // revoke-one
  ...activityAfterRevokeRules, // activity-revoked
  statsCountRule,
  adminRevokeSessionRule,
  ...revokeRules.slice(1),
  adminRevokeUserRule,
  ...finalRules,
];

export const RULE_NAMES: readonly string[] = RULES.map((rule) => rule.name);
