// Starts the Express + express-session + Passport host (and the built demo app, when given):
//   tsx examples/express-session/main.ts [--reset] [--port 8787] [--static examples/demo/dist]
// Its SQLite file is .data/express-demo.sqlite at the repo root, apart from the Hono demo's: the host's
// session data (express-session's) is kept there beside profilekit's rows.
import type { AddressInfo } from 'node:net';
import { announce, openDemoSqlite, parseHostArgs, stopOnSignals } from '../server/standalone';
import { createExpressApp } from './createExpressApp';

const { port, staticDir, reset } = parseHostArgs();
const { db, where } = await openDemoSqlite('express-demo.sqlite', { reset, now: Date.now() });

const { app } = createExpressApp({ db, staticDir, origin: `http://127.0.0.1:${port}` });
const server = app.listen(port, '127.0.0.1', (error?: Error) => {
  if (error) throw error;
  announce('profilekit demo (Express + express-session)', (server.address() as AddressInfo).port, where);
});

stopOnSignals(() => {
  // The open live event streams would keep close() waiting.
  server.closeAllConnections();
  server.close();
  db.close();
});
