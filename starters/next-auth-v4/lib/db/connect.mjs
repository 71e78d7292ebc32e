// Opens the database and applies the migrations in drizzle/. Plain ESM so that `npm run db:migrate`
// (scripts/migrate.mjs, before or without Next) and the app (lib/db/index.ts) share one answer.
//   DATABASE_URL set   - a real PostgreSQL server, through the `postgres` driver (several app instances can share it)
//   DATABASE_URL unset - PGlite (Postgres compiled to WebAssembly) in $DATA_DIR/pglite: no server to install.
//                        One process at a time may open that folder: run one instance, or set DATABASE_URL.
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { dataDir } from '../runtime-config.mjs'

// Queries this process has sent, counted by Drizzle's logger (on globalThis: Next bundles the proxy, the API
// routes and the pages separately, and they share one database). The gate's cost is measured with it.
const COUNTER = Symbol.for('next-auth-v4-starter.db-queries')
const counter = /** @type {Record<symbol, number>} */ (/** @type {unknown} */ (globalThis))
/** @returns {number} */
export function queryCount() {
  return counter[COUNTER] ?? 0
}
// STARTER_DB_QUERY_LOG=1 (set only by the repository's bench, bench/starters.ts) also prints each query's verb, so
// the bench counts a running server's reads and writes from its output.
const logger = {
  logQuery: (/** @type {string} */ sql) => {
    counter[COUNTER] = queryCount() + 1
    if (process.env.STARTER_DB_QUERY_LOG === '1') console.log(`db-query ${sql.trimStart().split(/\s/, 1)[0].toLowerCase()}`)
  },
}

/**
 * The checked-in migrations: next to this file in the source tree (tests, scripts), else under the working
 * directory (`npm start` runs in the project folder, wherever the build put this module).
 */
export function migrationsFolder() {
  const beside = join(/* turbopackIgnore: true */ dirname(fileURLToPath(import.meta.url)), '..', '..', 'drizzle')
  return existsSync(join(beside, 'meta/_journal.json')) ? beside : resolve(/* turbopackIgnore: true */ process.cwd(), 'drizzle')
}

/**
 * @param {{ url?: string, dir?: string }} [where] defaults: DATABASE_URL, else PGlite in DATA_DIR/pglite
 * @returns {Promise<{ db: import('drizzle-orm/pg-core').PgDatabase<any>, kind: 'postgres' | 'pglite', migrate: (folder?: string) => Promise<void>, close: () => Promise<void> }>}
 */
export async function openDatabase(where = {}) {
  const url = where.url ?? process.env.DATABASE_URL
  if (url) {
    const { default: postgres } = await import('postgres')
    const { drizzle } = await import('drizzle-orm/postgres-js')
    const { migrate } = await import('drizzle-orm/postgres-js/migrator')
    // onnotice: drizzle's migrator says "schema already exists" as a NOTICE on every start; not worth a log line.
    const client = postgres(url, { max: 10, onnotice: () => {} })
    const db = drizzle(client, { logger })
    return {
      db,
      kind: 'postgres',
      migrate: (folder = migrationsFolder()) => migrate(db, { migrationsFolder: folder }),
      close: () => client.end({ timeout: 5 }),
    }
  }
  const dir = where.dir ?? join(/* turbopackIgnore: true */ dataDir(), 'pglite')
  mkdirSync(dir, { recursive: true })
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  const { migrate } = await import('drizzle-orm/pglite/migrator')
  const client = new PGlite(dir)
  await client.waitReady
  const db = drizzle(client, { logger })
  return {
    db,
    kind: 'pglite',
    migrate: (folder = migrationsFolder()) => migrate(db, { migrationsFolder: folder }),
    close: () => client.close(),
  }
}
