// The demo host's own "who am I" (examples/server/host.ts), as the Hono server mounts it.
import { getHost } from '../../../../lib/host';

export const GET = async (request: Request) => (await getHost()).auth.me(request);
