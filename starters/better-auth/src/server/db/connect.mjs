// One database handle per process: PGlite (Postgres in WebAssembly) in $DATA_DIR/pglite by default, a PostgreSQL
// server through `postgres` when DATABASE_URL is set. Plain JavaScript: scripts/migrate.mjs uses it before Next runs.
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { dataDir } from '../settings.mjs'

/** @param {Record<string, unknown>} schema @param {Record<string, string | undefined>} [env] */
export function connect(schema, env = process.env) {
  if (env.DATABASE_URL) {
    const client = postgres(env.DATABASE_URL, { max: 10, onnotice: () => {} })
    return { kind: 'postgres', db: drizzlePostgres(client, { schema }), close: () => client.end({ timeout: 5 }) }
  }
  const client = new PGlite(path.join(dataDir(env), 'pglite'))
  return { kind: 'pglite', db: drizzlePglite(client, { schema }), close: () => client.close() }
}
