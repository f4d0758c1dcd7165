// Starts the demo host (and the built demo app, when given):
//   tsx examples/server/main.ts [--reset] [--port 8787] [--static examples/demo/dist] [--database URL]
// SQLite in .data/ at the repo root is the default; `--database postgres://…` keeps sessions in PostgreSQL,
// so several instances (one per --port) share them; each instance then keeps its own copy of the demo users.
import { serve } from '@hono/node-server';
import { createApp } from './createApp';
import { announce, openDemoData, parseHostArgs, stopOnSignals } from './standalone';

const { port, staticDir, reset, postgresUrl } = parseHostArgs();
const data = await openDemoData({ sqliteFile: 'demo.sqlite', reset, postgresUrl });

const { app } = createApp({ db: data.db, staticDir, origin: `http://127.0.0.1:${port}`, ...data.shared });
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  announce('profilekit demo', info.port, data.where);
});

stopOnSignals(async () => {
  server.close();
  await data.close();
});
