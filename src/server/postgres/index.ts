// The public surface of `profilekit/server/postgres`: the store and the event bus for several instances
// over one PostgreSQL database (node-postgres, or any pool of the same shape).

export type { PostgresEventBus, PostgresEventBusOptions } from './createPostgresEventBus.js';
export { createPostgresEventBus, DEFAULT_EVENT_CHANNEL } from './createPostgresEventBus.js';
export type { PostgresSessionStore, PostgresSessionStoreOptions } from './createPostgresSessionStore.js';
export { createPostgresSessionStore } from './createPostgresSessionStore.js';
export type {
  PostgresListenClient,
  PostgresListenPool,
  PostgresNotification,
  PostgresPool,
  PostgresPoolClient,
  PostgresQueryable,
  PostgresQueryResult,
} from './postgresTypes.js';
