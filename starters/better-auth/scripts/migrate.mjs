// `npm run db:migrate`, and the first thing `npm start` / `npm run dev` do: apply drizzle/ (drizzle-kit's SQL
// and its meta/_journal.json) with drizzle-orm's migrator for the driver in use. Applied migrations are recorded
// in drizzle.__drizzle_migrations, so a second run does nothing.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import nextEnv from '@next/env'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import { connect } from '../src/server/db/connect.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** @param {Record<string, string | undefined>} [env] @param {string} [migrationsFolder] */
export async function migrateDatabase(env = process.env, migrationsFolder = path.join(root, 'drizzle')) {
  const { kind, db, close } = connect({}, env)
  try {
    await (kind === 'pglite' ? migratePglite : migratePostgres)(db, { migrationsFolder })
  } finally {
    await close()
  }
  return kind
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production')
  const kind = await migrateDatabase()
  console.log(`Migrations applied (${kind === 'pglite' ? 'PGlite in DATA_DIR' : 'DATABASE_URL'}).`)
}
