// The checked-in migrations (drizzle/): every one applied, in order, none left out of the journal; the schema
// they build is the one lib/db/schema.ts declares; and a database made by the previous release, with users and
// their claims in it, upgrades without losing a row or a claim. On PGlite, and on PostgreSQL when
// TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { migrationsFolder, openDatabase } from '../../lib/db/connect.mjs'
import { TARGETS, freshDatabase, type Fresh } from '../support/databases'

const folder = migrationsFolder()
type Journal = { entries: { idx: number; tag: string }[] }
const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as Journal

/** drizzle/ as the previous release shipped it: every migration but the newest. */
function previousRelease(): string {
  const dir = mkdtempSync(join(tmpdir(), 'v4-previous-migrations-'))
  cpSync(folder, dir, { recursive: true })
  const previous = { ...journal, entries: journal.entries.slice(0, -1) }
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(previous, null, 2))
  return dir
}

describe('drizzle/', () => {
  it('has at least two migrations, each SQL file in the journal and each journal entry a file (the migrator skips the rest silently)', () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.sql')).sort()
    expect(files.length).toBeGreaterThanOrEqual(2)
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(files)
    expect(journal.entries.map((e) => e.idx)).toEqual(files.map((_, i) => i))
  })

  it('matches lib/db/schema.ts: drizzle-kit generate finds nothing to add', () => {
    const out = mkdtempSync(join(tmpdir(), 'v4-drizzle-check-'))
    cpSync(folder, out, { recursive: true })
    const config = join(out, 'drizzle.config.mjs')
    // drizzle-kit puts './' in front of `out`: give it relative to this folder.
    writeFileSync(config, `export default ${JSON.stringify({ dialect: 'postgresql', schema: './lib/db/schema.ts', out: relative(process.cwd(), out) })}\n`)
    const r = spawnSync(process.execPath, [resolve('node_modules/drizzle-kit/bin.cjs'), 'generate', `--config=${config}`], { encoding: 'utf8', timeout: 60_000 })
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/No schema changes/)
  })
})

describe.each(TARGETS)('upgrading from the previous migration on $kind', (target) => {
  let fresh: Fresh
  afterAll(() => fresh?.drop())

  it('keeps every row and every claim, and the new migration’s table works', async () => {
    fresh = await freshDatabase(target)
    const where = { url: fresh.databaseUrl, dir: join(fresh.dataDir, 'pglite') }
    const old = await openDatabase(where)
    await old.migrate(previousRelease())
    const rows = [
      { id: 'u-completed', email: 'done@example.com', name: 'Done', role: 'admin', onboarding_step: 'COMPLETED', version: 7 },
      { id: 'u-initial', email: 'new@example.com', name: null, role: 'user', onboarding_step: 'INITIAL', version: 1 },
      { id: 'u-no-email', email: null, name: 'GitHub user', role: 'user', onboarding_step: 'COMPLETED', version: 2 },
    ]
    for (const r of rows) {
      await old.db.execute(sql`INSERT INTO users (id, email, name, role, onboarding_step, version) VALUES (${r.id}, ${r.email}, ${r.name}, ${r.role}, ${r.onboarding_step}, ${r.version})`)
    }
    await old.close()

    const upgraded = await openDatabase(where) // what the app does at start
    await upgraded.migrate()
    const after = await upgraded.db.execute(sql`SELECT id, email, name, role, onboarding_step, version FROM users ORDER BY id`)
    expect(Array.from(after.rows ?? after)).toEqual([...rows].sort((a, b) => a.id.localeCompare(b.id)))
    await upgraded.db.execute(sql`INSERT INTO accounts (provider, provider_account_id, user_id) VALUES ('github', '42', 'u-completed')`)
    const linked = await upgraded.db.execute(sql`SELECT u.onboarding_step FROM accounts a JOIN users u ON u.id = a.user_id WHERE a.provider_account_id = '42'`)
    expect(Array.from(linked.rows ?? linked)).toEqual([{ onboarding_step: 'COMPLETED' }])
    await upgraded.migrate() // a second start applies nothing and loses nothing
    const again = await upgraded.db.execute(sql`SELECT count(*)::int AS n FROM users`)
    expect(Array.from(again.rows ?? again)).toEqual([{ n: 3 }])
    await upgraded.close()
  }, 180_000) // two PGlite starts and both migrations: a minute on a loaded 2-core machine
})
