// The user store: the only module that knows about SQL. Swap these functions for your ORM
// (Prisma, Drizzle, ...) and keep their names and return shape.
import { randomUUID } from 'node:crypto'
import { getDb } from './db'
import { ONBOARDING_COMPLETED } from './onboarding-steps'

export type UserRow = {
  id: string
  email: string | null
  name: string | null
  role: string
  onboardingStep: string
  version: number
}

const SELECT = `SELECT id, email, name, role, onboarding_step AS onboardingStep, version FROM users`

export function findUserById(id: string): UserRow | undefined {
  return getDb().prepare(`${SELECT} WHERE id = ?`).get(id) as UserRow | undefined
}

export function findUserByEmail(email: string): UserRow | undefined {
  return getDb().prepare(`${SELECT} WHERE email = ?`).get(email.toLowerCase()) as UserRow | undefined
}

/** The dev sign-in: the user with this email, created (onboarding INITIAL) on first use. */
export function findOrCreateUserByEmail(email: string): UserRow {
  const normalized = email.toLowerCase()
  getDb()
    .prepare(`INSERT INTO users (id, email, name) VALUES (?, ?, ?) ON CONFLICT(email) DO NOTHING`)
    .run(randomUUID(), normalized, normalized.split('@')[0])
  return findUserByEmail(normalized)!
}

/**
 * An OAuth sign-in (GitHub): the user linked to this provider account, created and linked on first use.
 * A returning user gets their row back as it is (COMPLETED stays COMPLETED); the profile never sets claims.
 */
export function upsertOAuthUser(input: { provider: string; providerAccountId: string; email?: string | null; name?: string | null }): UserRow {
  const db = getDb()
  return db.transaction(() => {
    const linked = db
      .prepare(`SELECT user_id AS userId FROM accounts WHERE provider = ? AND provider_account_id = ?`)
      .get(input.provider, input.providerAccountId) as { userId: string } | undefined
    if (linked) return findUserById(linked.userId)!
    const id = randomUUID()
    // The email column is unique: a second account with an email already taken gets none rather than
    // silently merging into another person's row.
    const email = input.email && !findUserByEmail(input.email) ? input.email.toLowerCase() : null
    db.prepare(`INSERT INTO users (id, email, name) VALUES (?, ?, ?)`).run(id, email, input.name ?? null)
    db.prepare(`INSERT INTO accounts (provider, provider_account_id, user_id) VALUES (?, ?, ?)`).run(
      input.provider,
      input.providerAccountId,
      id,
    )
    return findUserById(id)!
  })()
}

/** The onboarding mutation's write: COMPLETED, and a new version so the session knows it is behind. */
export function completeOnboarding(id: string): UserRow | undefined {
  const result = getDb()
    .prepare(`UPDATE users SET onboarding_step = ?, version = version + 1 WHERE id = ?`)
    .run(ONBOARDING_COMPLETED, id)
  return result.changes ? findUserById(id) : undefined
}
