import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { dataDir } from './runtime-config.mjs'
import { migrateStaleColumns } from './stale/migrate'

type Db = Database.Database

const SCHEMA = `
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
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
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
  migrateStaleColumns(db)
  return db
}

// One connection per process; kept on globalThis so dev-mode reloads do not leak handles.
const holder = globalThis as typeof globalThis & { __demoDb?: Db }

export function db(): Db {
  holder.__demoDb ??= open()
  return holder.__demoDb
}
