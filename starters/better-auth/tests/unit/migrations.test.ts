// The checked-in migrations, applied by drizzle-orm's real migrator to a real PGlite database: an upgrade from the
// first migration with users in it, and a second run that changes nothing.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, expect, it } from 'vitest'
import { migrateDatabase } from '../../scripts/migrate.mjs'
import { root } from '../support/server'

const dirs: string[] = []
const tempDir = (label: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `better-auth-${label}-`))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

/** drizzle/ as it was at migration `count`: the same files, the journal cut after that entry. */
function migrationsUpTo(count: number): string {
  const dir = tempDir('migrations')
  cpSync(path.join(root, 'drizzle'), dir, { recursive: true })
  const journalFile = path.join(dir, 'meta/_journal.json')
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'))
  journal.entries = journal.entries.slice(0, count)
  writeFileSync(journalFile, JSON.stringify(journal))
  return dir
}

it('drizzle/ holds at least two migrations', () => {
  const journal = JSON.parse(readFileSync(path.join(root, 'drizzle/meta/_journal.json'), 'utf8'))
  expect(journal.entries.length).toBeGreaterThanOrEqual(2)
})

it('upgrading from the first migration keeps the users and sessions and marks them onboarded; new users start INITIAL', async () => {
  const dataDir = tempDir('data')
  const env = { DATA_DIR: dataDir }
  await migrateDatabase(env, migrationsUpTo(1))

  const before = new PGlite(path.join(dataDir, 'pglite'))
  await before.query(`INSERT INTO "user" (id, name, email) VALUES ('u1', 'Ada', 'ada@example.com')`)
  await before.query(
    `INSERT INTO "session" (id, expires_at, token, created_at, updated_at, user_id) VALUES ('s1', now() + interval '1 day', 't1', now(), now(), 'u1')`,
  )
  const columns = await before.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'user'`)
  expect(columns.rows.map((r) => r.column_name)).not.toContain('onboarding_step')
  await before.close()

  await migrateDatabase(env) // the real drizzle/ folder
  await migrateDatabase(env) // again: nothing left to apply, nothing changes

  const after = new PGlite(path.join(dataDir, 'pglite'))
  const users = await after.query(`SELECT id, email, onboarding_step FROM "user"`)
  expect(users.rows).toEqual([{ id: 'u1', email: 'ada@example.com', onboarding_step: 'COMPLETED' }])
  expect((await after.query(`SELECT token FROM "session" WHERE user_id = 'u1'`)).rows).toEqual([{ token: 't1' }])
  await after.query(`INSERT INTO "user" (id, name, email) VALUES ('u2', 'Grace', 'grace@example.com')`)
  expect((await after.query(`SELECT onboarding_step FROM "user" WHERE id = 'u2'`)).rows).toEqual([{ onboarding_step: 'INITIAL' }])
  const applied = await after.query(`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`)
  expect(applied.rows).toEqual([{ n: JSON.parse(readFileSync(path.join(root, 'drizzle/meta/_journal.json'), 'utf8')).entries.length }])
  await after.close()
}, 240_000) // five PGlite start-ups: over a minute on a busy 2-core machine
