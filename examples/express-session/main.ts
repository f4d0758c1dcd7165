// Starts the Express + express-session + Passport host (and the built demo app, when given):
//   tsx examples/express-session/main.ts [--reset] [--port 8787] [--static examples/demo/dist] [--database URL]
// Its SQLite file is .data/express-demo.sqlite at the repo root, apart from the Hono demo's: express-session's
// session data is kept there beside profilekit's rows. `--database postgres://…` as for examples/server/main.ts.
import type { AddressInfo } from 'node:net';
import { announce, openDemoData, parseHostArgs, stopOnSignals } from '../server/standalone';
import { createExpressApp } from './createExpressApp';

const { port, staticDir, reset, postgresUrl } = parseHostArgs();
const data = await openDemoData({ sqliteFile: 'express-demo.sqlite', reset, postgresUrl });

const { app } = createExpressApp({
  db: data.db,
  staticDir,
  origin: `http://127.0.0.1:${port}`,
  ...data.shared,
});
const server = app.listen(port, '127.0.0.1', (error?: Error) => {
  if (error) throw error;
  announce('profilekit demo (Express + express-session)', (server.address() as AddressInfo).port, data.where);
});

stopOnSignals(async () => {
  // An open page's live event stream would keep close() waiting.
  server.closeAllConnections();
  server.close();
  await data.close();
});
