// demo/stale/migrate.ts on real SQLite files: a users table made before the stale-claims columns existed gets them,
// as the policies need them (NOT NULL, 0 for every existing row); a second start changes nothing; another server's
// migration racing ours is harmless; any other failure is reported, not swallowed.
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrateStaleColumns } from '@/demo/stale/migrate'

type Column = { name: string; type: string; notnull: number; dflt_value: string | null }

/** A users table as a DATA_DIR made before issue 22 holds it, with one user. */
function legacyDb() {
  const db = new Database(join(mkdtempSync(join(process.env.DATA_DIR!, 'migrate-')), 'demo.sqlite'))
  db.exec(`CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL DEFAULT 'reader');
           INSERT INTO users (id, name) VALUES ('old', 'Ada')`)
  return db
}

const columns = (db: Database.Database) => db.prepare('PRAGMA table_info(users)').all() as Column[]

describe('migrateStaleColumns(db)', () => {
  it('adds suspended and session_epoch as INTEGER NOT NULL DEFAULT 0: existing users are not suspended, at epoch 0', () => {
    const db = legacyDb()
    migrateStaleColumns(db)
    const added = columns(db).filter((c) => ['suspended', 'session_epoch'].includes(c.name))
    expect(added.map(({ name, type, notnull, dflt_value }) => ({ name, type, notnull, dflt_value }))).toEqual([
      { name: 'suspended', type: 'INTEGER', notnull: 1, dflt_value: '0' },
      { name: 'session_epoch', type: 'INTEGER', notnull: 1, dflt_value: '0' },
    ])
    expect(db.prepare('SELECT suspended, session_epoch FROM users').all()).toEqual([{ suspended: 0, session_epoch: 0 }])
    // NOT NULL holds for new rows: a write that forgets them gets the default, one that sets null is refused.
    db.prepare("INSERT INTO users (id, name) VALUES ('new', 'Bo')").run()
    expect(() => db.prepare("UPDATE users SET suspended = NULL WHERE id = 'new'").run()).toThrow(/NOT NULL/)
    db.close()
  })

  it('is a no-op on a migrated table (a second server starting on the same DATA_DIR)', () => {
    const db = legacyDb()
    migrateStaleColumns(db)
    const once = columns(db)
    migrateStaleColumns(db)
    expect(columns(db)).toEqual(once)
    db.close()
  })

  it('takes "duplicate column" as done: another server added the column between our look and our ALTER', () => {
    const db = legacyDb()
    // Our look at the table happens before the other server's migration; our ALTER after it.
    const before = db.prepare('PRAGMA table_info(users)').all()
    const other = new Database(db.name)
    migrateStaleColumns(other)
    other.close()
    const raced = new Proxy(db, {
      get: (target, key) =>
        key === 'prepare'
          ? (sql: string) => (sql.startsWith('PRAGMA table_info') ? { all: () => before } : target.prepare(sql))
          : Reflect.get(target, key, target).bind?.(target) ?? Reflect.get(target, key, target),
    })
    expect(() => migrateStaleColumns(raced)).not.toThrow()
    expect(columns(db).filter((c) => c.name === 'suspended' || c.name === 'session_epoch')).toHaveLength(2)
    db.close()
  })

  it('reports any other failure: a database it may not write stops the start with SQLite’s error', () => {
    const writable = legacyDb()
    const readonly = new Database(writable.name, { readonly: true })
    expect(() => migrateStaleColumns(readonly)).toThrow(/readonly/)
    readonly.close()
    writable.close()
  })
})
