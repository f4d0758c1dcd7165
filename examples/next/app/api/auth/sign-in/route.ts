// The demo host's own sign-in (examples/server/host.ts), as the Hono server mounts it.
import { getHost } from '../../../../lib/host';

export const POST = async (request: Request) => (await getHost()).auth.signIn(request);
