// Every endpoint of profilekit's HTTP contract (docs/rest-contract.md) under /api. The host's own
// /api/auth/* routes are more specific, so Next.js matches them first.
import { sessions } from '../../../lib/host';

export const { GET, POST } = sessions;
