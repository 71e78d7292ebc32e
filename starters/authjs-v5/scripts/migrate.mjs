// Applies drizzle/ (the SQL drizzle-kit generated) to the database the app uses: PostgreSQL when DATABASE_URL is
// set, else the embedded PGlite in $DATA_DIR/pglite. `npm start` and `npm run dev` call it before Next starts
// (scripts/serve.mjs); `npm run db:migrate` runs it by hand. drizzle-orm's migrate() records what it applied in
// drizzle.__drizzle_migrations, so a second run applies nothing.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const MIGRATIONS = path.join(root, 'drizzle')

/** Where the embedded database lives: the same rule as src/server/db/index.ts. */
export function pgliteDir(dataDir = process.env.DATA_DIR || '.data') {
  return path.join(path.resolve(dataDir), 'pglite')
}

export async function migrateDatabase({ databaseUrl = process.env.DATABASE_URL, dataDir = process.env.DATA_DIR, migrationsFolder = MIGRATIONS } = {}) {
  if (databaseUrl) {
    const { default: postgres } = await import('postgres')
    const { drizzle } = await import('drizzle-orm/postgres-js')
    const { migrate } = await import('drizzle-orm/postgres-js/migrator')
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
    try {
      await migrate(drizzle(sql), { migrationsFolder })
    } finally {
      await sql.end()
    }
    return
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const { drizzle } = await import('drizzle-orm/pglite')
  const { migrate } = await import('drizzle-orm/pglite/migrator')
  const client = new PGlite(pgliteDir(dataDir))
  try {
    await migrate(drizzle(client), { migrationsFolder })
  } finally {
    await client.close()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { default: nextEnv } = await import('@next/env')
  nextEnv.loadEnvConfig(root, process.env.NODE_ENV !== 'production')
  await migrateDatabase()
  console.log(`Migrations applied (${process.env.DATABASE_URL ? 'DATABASE_URL' : pgliteDir()}).`)
}
