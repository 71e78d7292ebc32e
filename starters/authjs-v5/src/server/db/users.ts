// The user store: a real SQLite file in DATA_DIR behind a few named functions.
// To use your ORM (Prisma, Drizzle...), keep these names and signatures and rewrite the bodies.
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { dataDir } from '../data-dir'

export type OnboardingStep = 'INITIAL' | 'COMPLETED'
export type Role = 'user' | 'admin'

export interface User {
  id: string
  email: string | null
  name: string | null
  role: Role
  onboardingStep: OnboardingStep
  /** Bumped by every write that changes claims: a session whose `ver` is lower is stale. */
  version: number
  goal: string | null
}

interface Row {
  id: string
  email: string | null
  name: string | null
  role: Role
  onboarding_step: OnboardingStep
  version: number
  goal: string | null
}

let db: Database.Database | undefined

function open(): Database.Database {
  if (db) return db
  db = new Database(path.join(dataDir(), 'users.db'))
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  db.exec(`CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY,
    email TEXT UNIQUE,
    github_id TEXT UNIQUE,
    name TEXT,
    role TEXT NOT NULL DEFAULT 'user',
    onboarding_step TEXT NOT NULL DEFAULT 'INITIAL',
    version INTEGER NOT NULL DEFAULT 1,
    goal TEXT,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
  )`)
  return db
}

function toUser(row: Row | undefined): User | null {
  if (!row) return null
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    onboardingStep: row.onboarding_step,
    version: row.version,
    goal: row.goal,
  }
}

export function findUserById(id: string): User | null {
  return toUser(open().prepare('SELECT * FROM users WHERE id = ?').get(id) as Row | undefined)
}

/** Dev sign-in: the user with this email, created on first use. */
export function upsertUserByEmail(email: string): User {
  const normalized = email.trim().toLowerCase()
  open()
    .prepare('INSERT INTO users (id, email, name) VALUES (?, ?, ?) ON CONFLICT(email) DO NOTHING')
    .run(randomUUID(), normalized, normalized.split('@')[0])
  return toUser(open().prepare('SELECT * FROM users WHERE email = ?').get(normalized) as Row)!
}

/** GitHub sign-in: the user linked to this GitHub account id, created (or linked by email) on first use. */
export function upsertUserByGithub(githubId: string, profile: { email?: string | null; name?: string | null }): User {
  const conn = open()
  return conn.transaction(() => {
    const linked = conn.prepare('SELECT * FROM users WHERE github_id = ?').get(githubId) as Row | undefined
    if (linked) return toUser(linked)!
    const email = profile.email?.trim().toLowerCase() || null
    const byEmail = email ? (conn.prepare('SELECT * FROM users WHERE email = ?').get(email) as Row | undefined) : undefined
    if (byEmail) {
      conn.prepare('UPDATE users SET github_id = ? WHERE id = ?').run(githubId, byEmail.id)
      return toUser(byEmail)!
    }
    const id = randomUUID()
    conn.prepare('INSERT INTO users (id, email, github_id, name) VALUES (?, ?, ?, ?)').run(id, email, githubId, profile.name ?? null)
    return findUserById(id)!
  })()
}

/** The onboarding mutation's write: COMPLETED, and a new version so older sessions and tickets are stale. */
export function markOnboardingCompleted(id: string, goal: string | null): User | null {
  const row = open()
    .prepare(
      `UPDATE users SET onboarding_step = 'COMPLETED', goal = COALESCE(?, goal), version = version + 1
       WHERE id = ? RETURNING *`,
    )
    .get(goal, id) as Row | undefined
  return toUser(row)
}
