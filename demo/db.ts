import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { startGuestCleanup } from './guest-cleanup'
import { dataDir } from './runtime-config.mjs'
import { migrateStaleColumns } from './stale/migrate'

type Db = Database.Database

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  email           TEXT,
  image           TEXT,
  role            TEXT NOT NULL DEFAULT 'reader',
  onboarding_step TEXT NOT NULL DEFAULT 'INITIAL',
  goal            TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  github_id       TEXT UNIQUE,
  last_seen_at    INTEGER,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
-- Guest sign-ins per client address, in the database so that every server sharing DATA_DIR counts them.
CREATE TABLE IF NOT EXISTS guest_signins (
  address TEXT NOT NULL,
  at      INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS guest_signins_address_at ON guest_signins (address, at);
CREATE INDEX IF NOT EXISTS guest_signins_at ON guest_signins (at);
`

function open(): Db {
  const dir = dataDir()
  mkdirSync(dir, { recursive: true })
  const db = new Database(join(dir, 'demo.sqlite'))
  // WAL plus a busy timeout lets several server processes share one DATA_DIR.
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  db.exec(SCHEMA)
  addColumn(db, 'users', 'last_seen_at', 'INTEGER')
  startGuestCleanup(db)
  migrateStaleColumns(db)
  return db
}

/** For a DATA_DIR made before the column existed; two servers starting at once may race: the loser's error is harmless. */
function addColumn(db: Db, table: string, column: string, type: string) {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]
  if (columns.some((c) => c.name === column)) return
  try {
    db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`)
  } catch (error) {
    if (!/duplicate column/i.test((error as Error).message)) throw error
  }
}

// One connection per process; kept on globalThis so dev-mode reloads do not leak handles.
const holder = globalThis as typeof globalThis & { __demoDb?: Db }

export function db(): Db {
  holder.__demoDb ??= open()
  return holder.__demoDb
}
