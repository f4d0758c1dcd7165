// Every endpoint of profilekit's HTTP contract (docs/rest-contract.md) under /api: the handler over the
// SQLite store. The host's own /api/auth/* routes are more specific, so Next.js matches them first.
import { sessions } from '../../../lib/host';

export const GET = sessions;
export const POST = sessions;
