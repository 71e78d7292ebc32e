// The databases every data test runs on: the embedded PGlite always, and a real PostgreSQL server when
// TEST_DATABASE_URL names one where the test may CREATE DATABASE (a fresh, uniquely named database per
// run, dropped afterwards). Under CI=true a missing TEST_DATABASE_URL fails the run instead of skipping.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import postgres from 'postgres'

export type Target = { kind: 'pglite' | 'postgres' }
export type Fresh = { dataDir: string; databaseUrl?: string; drop: () => Promise<void> }

const serverUrl = process.env.TEST_DATABASE_URL

if (!serverUrl && process.env.CI === 'true') {
  throw new Error('CI=true and TEST_DATABASE_URL is not set: the tests must run on PostgreSQL too (.ci/postgres.sh starts one).')
}
if (!serverUrl) console.warn('TEST_DATABASE_URL is not set: running on PGlite only, not on PostgreSQL.')

export const TARGETS: Target[] = [{ kind: 'pglite' }, ...(serverUrl ? [{ kind: 'postgres' as const }] : [])]

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'v4-starter-'))

/** An empty database of this kind: a new DATA_DIR (PGlite makes DATA_DIR/pglite), or a new PostgreSQL database. */
export async function freshDatabase(target: Target): Promise<Fresh> {
  const dataDir = tempDataDir()
  if (target.kind === 'pglite') return { dataDir, drop: async () => {} }
  const name = `v4_starter_${Date.now()}_${randomBytes(4).toString('hex')}`
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(serverUrl!)
  url.pathname = `/${name}`
  return {
    dataDir,
    databaseUrl: url.toString(),
    async drop() {
      const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} })
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await admin.end()
    },
  }
}

/** Points lib/db at this database for in-process tests (it reads these when it first opens). */
export function useDatabase(fresh: Fresh) {
  process.env.DATA_DIR = fresh.dataDir
  if (fresh.databaseUrl) process.env.DATABASE_URL = fresh.databaseUrl
  else delete process.env.DATABASE_URL
}
