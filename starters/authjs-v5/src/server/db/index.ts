// The Drizzle client (create-t3-app's src/server/db/index.ts), on one of two drivers with one schema and one SQL:
// PostgreSQL through `postgres` when DATABASE_URL is set, else PGlite (Postgres compiled to WebAssembly) in
// $DATA_DIR/pglite, which needs no server. The tables come from drizzle/, applied before Next starts
// (scripts/migrate.mjs).
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import path from 'node:path'
import postgres from 'postgres'
import { env } from '~/env'
import * as schema from './schema'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

// One connection per process, kept across dev hot reloads (as the template does). Opened on first use, not at
// import: `next build` imports this module while collecting pages and must not open (or lock) the database.
const globalForDb = globalThis as unknown as { db?: Database; dbQueries?: number }

/** Queries this process has sent, counted by Drizzle's logger: the gate's cost is measured with it. */
export function queryCount(): number {
  return globalForDb.dbQueries ?? 0
}
// STARTER_DB_QUERY_LOG=1 (set only by the repository's bench, bench/starters.ts) also prints each query's verb, so
// the bench counts a running server's reads and writes from its output.
const logger = {
  logQuery: (sql: string) => {
    globalForDb.dbQueries = queryCount() + 1
    if (process.env.STARTER_DB_QUERY_LOG === '1') console.log(`db-query ${sql.trimStart().split(/\s/, 1)[0]!.toLowerCase()}`)
  },
}

function open(): Database {
  if (globalForDb.db) return globalForDb.db
  globalForDb.db = env.DATABASE_URL
    ? drizzlePostgres(postgres(env.DATABASE_URL, { onnotice: () => {} }), { schema, logger })
    : drizzlePglite(new PGlite(path.join(path.resolve(env.DATA_DIR), 'pglite')), { schema, logger })
  return globalForDb.db
}

/** `db.select()…` as in the template; the connection opens at the first query. */
export const db = new Proxy({} as Database, {
  get(_, prop) {
    const real = open()
    const value = Reflect.get(real, prop, real)
    return typeof value === 'function' ? value.bind(real) : value
  },
})
