import { describe, it } from 'vitest';
import { activityMutants } from './activityMutants.js';
import { expectCaught, KIT_RUN_GUARD_MS } from './kitRun.js';

// Concurrent: each run has its own server, and most of a run is scrypt on the thread pool.
describe.concurrent('the rules bite: each mutant of the reference server fails the rule it breaks', () => {
  it.each(activityMutants)(
    '$breaks fails when the server $name',
    (mutant) => expectCaught(mutant).then(() => {}),
    KIT_RUN_GUARD_MS,
  );
});
