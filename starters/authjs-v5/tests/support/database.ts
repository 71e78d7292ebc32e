// The databases the end-to-end tests run on: the embedded PGlite always, and PostgreSQL when TEST_DATABASE_URL
// names a server where the test may CREATE DATABASE (a fresh one per run, dropped afterwards). Under CI=true a
// missing TEST_DATABASE_URL is a failure, not a skip: CI always starts PostgreSQL.
import { randomBytes } from 'node:crypto'
import postgres from 'postgres'

export interface TestDatabase {
  name: 'PGlite' | 'PostgreSQL'
  /** DATABASE_URL for the app, or undefined for PGlite in DATA_DIR. */
  create(): Promise<{ url?: string; drop(): Promise<void> }>
}

export const MISSING_POSTGRES = process.env.CI === 'true' && !process.env.TEST_DATABASE_URL

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: 'PGlite', create: async () => ({ drop: async () => {} }) }]
  const server = process.env.TEST_DATABASE_URL
  if (server) list.push({ name: 'PostgreSQL', create: () => freshPostgres(server) })
  else if (!MISSING_POSTGRES) console.warn('TEST_DATABASE_URL is not set: the PostgreSQL run is skipped (under CI=true it fails).')
  return list
}

export async function freshPostgres(server: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `authjs_v5_starter_${Date.now()}_${randomBytes(4).toString('hex')}`
  const admin = postgres(server, { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(server)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const conn = postgres(server, { max: 1, onnotice: () => {} })
      await conn.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await conn.end()
    },
  }
}
