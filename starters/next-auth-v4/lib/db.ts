// One SQLite file in DATA_DIR, opened once per server process. Only lib/users.ts talks to it.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { dataDir } from './runtime-config.mjs'

let db: Database.Database | undefined

export function getDb(): Database.Database {
  if (db) return db
  const dir = dataDir()
  mkdirSync(dir, { recursive: true })
  db = new Database(join(dir, 'users.db'))
  db.pragma('journal_mode = WAL')
  db.exec(`
    CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY,
      email TEXT UNIQUE,
      name TEXT,
      role TEXT NOT NULL DEFAULT 'user',
      onboarding_step TEXT NOT NULL DEFAULT 'INITIAL',
      -- Bumped by every change that the session must pick up: a ticket must carry a newer version.
      version INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE IF NOT EXISTS accounts (
      provider TEXT NOT NULL,
      provider_account_id TEXT NOT NULL,
      user_id TEXT NOT NULL REFERENCES users(id),
      PRIMARY KEY (provider, provider_account_id)
    );
  `)
  return db
}
