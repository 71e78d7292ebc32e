// Upgrading a database that holds data: built at the previous migration (drizzle/ up to the one before the last),
// filled with users and claims, then brought up to date the way `npm start` / `npm run db:migrate` do. Nothing is
// lost, and the app's own queries work on the result. On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'
import { afterAll, describe, expect, it } from 'vitest'
import { MIGRATIONS, migrateDatabase, pgliteDir } from '../scripts/migrate.mjs'
import { MISSING_POSTGRES, freshPostgres } from './support/database'

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }

/** drizzle/ as it was one migration ago: the same files, the journal without its last entry. */
function previousMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'authjs-v5-migrations-'))
  cpSync(MIGRATIONS, dir, { recursive: true })
  writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }))
  return dir
}

type Run = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>
interface Target {
  settings: { databaseUrl?: string; dataDir?: string }
  run: Run
  /** Let go of the database before migrateDatabase() opens it (PGlite: one process at a time). */
  release(): Promise<void>
  close(): Promise<void>
}

const targets: [string, () => Promise<Target>][] = [
  [
    'PGlite',
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'authjs-v5-upgrade-'))
      let client: PGlite | undefined
      const open = () => (client ??= new PGlite(pgliteDir(dataDir)))
      return {
        settings: { dataDir },
        run: async (sql, params) => (await open().query<Record<string, unknown>>(sql, params)).rows,
        release: async () => {
          await client?.close()
          client = undefined
        },
        close: async () => void (await client?.close()),
      }
    },
  ],
]
if (process.env.TEST_DATABASE_URL) {
  targets.push([
    'PostgreSQL',
    async () => {
      const db = await freshPostgres(process.env.TEST_DATABASE_URL!)
      const conn = postgres(db.url, { max: 1, onnotice: () => {} })
      return {
        settings: { databaseUrl: db.url },
        run: (sql, params) => conn.unsafe(sql, params as never[]) as unknown as Promise<Record<string, unknown>[]>,
        release: async () => {},
        close: async () => {
          await conn.end()
          await db.drop()
        },
      }
    },
  ])
}

const cleanups: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const c of cleanups) await c()
})

it('has at least two migrations, so an upgrade with data in it is tested', () => {
  expect(journal.entries.length).toBeGreaterThanOrEqual(2)
})

it.runIf(MISSING_POSTGRES)('runs on PostgreSQL too (CI=true requires TEST_DATABASE_URL)', () => {
  throw new Error('TEST_DATABASE_URL is not set: CI must start PostgreSQL and set it.')
})

describe.each(targets)('upgrading %s from the previous migration', (_, make) => {
  it('keeps every user and claim, adds the new columns, and a second run changes nothing', async () => {
    const target = await make()
    cleanups.push(() => target.close())
    await migrateDatabase({ ...target.settings, migrationsFolder: previousMigrations() })
    const before = [
      ['u-1', 'done@example.com', null, 'COMPLETED', 'admin', 4],
      ['u-2', 'new@example.com', null, 'INITIAL', 'user', 1],
      ['u-3', null, '12345', 'COMPLETED', 'user', 2],
    ]
    for (const row of before) {
      await target.run('INSERT INTO "user" (id, email, github_id, onboarding_step, role, version) VALUES ($1, $2, $3, $4, $5, $6)', row)
    }

    await target.release()
    await migrateDatabase(target.settings)
    await migrateDatabase(target.settings) // what every later `npm start` does
    const after = await target.run('SELECT id, email, github_id, onboarding_step, role, version, goal, updated_at FROM "user" ORDER BY id')
    expect(after.map((r) => [r.id, r.email, r.github_id, r.onboarding_step, r.role, r.version])).toEqual(before)
    for (const r of after) {
      expect(r.goal).toBeNull()
      expect(r.updated_at).toBeInstanceOf(Date)
    }
    const applied = await target.run('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')
    expect(applied[0]!.n).toBe(journal.entries.length)
  }, 300_000) // PGlite (Postgres in WebAssembly) opens three times here: over 60 s on a loaded 2-core machine
})
