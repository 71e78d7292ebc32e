// One database handle per process: PGlite (Postgres in WebAssembly) in $DATA_DIR/pglite by default, a PostgreSQL
// server through `postgres` when DATABASE_URL is set. Plain JavaScript: scripts/migrate.mjs uses it before Next runs.
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { dataDir } from '../settings.mjs'

// Queries this process has sent, counted by Drizzle's logger (on globalThis: Next bundles the proxy and the routes
// separately), as the two next-auth starters count theirs. STARTER_DB_QUERY_LOG=1 (set only by the repository's
// bench, bench/starters.ts) also prints each query's verb, so the bench counts a running server's reads and writes.
const COUNTER = Symbol.for('better-auth-starter.db-queries')
const counter = /** @type {Record<symbol, number>} */ (/** @type {unknown} */ (globalThis))
/** @returns {number} */
export function queryCount() {
  return counter[COUNTER] ?? 0
}
const logger = {
  logQuery: (/** @type {string} */ sql) => {
    counter[COUNTER] = queryCount() + 1
    if (process.env.STARTER_DB_QUERY_LOG === '1') console.log(`db-query ${sql.trimStart().split(/\s/, 1)[0].toLowerCase()}`)
  },
}

/** @param {Record<string, unknown>} schema @param {Record<string, string | undefined>} [env] */
export function connect(schema, env = process.env) {
  if (env.DATABASE_URL) {
    const client = postgres(env.DATABASE_URL, { max: 10, onnotice: () => {} })
    return { kind: 'postgres', db: drizzlePostgres(client, { schema, logger }), close: () => client.end({ timeout: 5 }) }
  }
  const client = new PGlite(path.join(dataDir(env), 'pglite'))
  return { kind: 'pglite', db: drizzlePglite(client, { schema, logger }), close: () => client.close() }
}
