// The user queries, named for what they do: the auth config, the providers and the mutation call these.
import { eq, sql } from 'drizzle-orm'
import { db, type Database } from './index'
import { users, type User } from './schema'

export type { OnboardingStep, Role, User } from './schema'

export async function findUserById(id: string, conn: Database = db): Promise<User | null> {
  const [row] = await conn.select().from(users).where(eq(users.id, id)).limit(1)
  return row ?? null
}

export async function findUserByEmail(email: string, conn: Database = db): Promise<User | null> {
  const [row] = await conn.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1)
  return row ?? null
}

export async function findUserByGithubId(githubId: string, conn: Database = db): Promise<User | null> {
  const [row] = await conn.select().from(users).where(eq(users.githubId, githubId)).limit(1)
  return row ?? null
}

/** Dev sign-in: the user with this email, created on first use. */
export async function upsertUserByEmail(email: string, conn: Database = db): Promise<User> {
  const normalized = email.trim().toLowerCase()
  await conn.insert(users).values({ email: normalized, name: normalized.split('@')[0] }).onConflictDoNothing({ target: users.email })
  return (await findUserByEmail(normalized, conn))!
}

/** The onboarding mutation's write: COMPLETED, and a new version so older tokens and tickets are stale. */
export async function markOnboardingCompleted(id: string, goal: string | null, conn: Database = db): Promise<User | null> {
  const [row] = await conn
    .update(users)
    .set({
      onboardingStep: 'COMPLETED',
      goal: sql`COALESCE(${goal}, ${users.goal})`,
      version: sql`${users.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, id))
    .returning()
  return row ?? null
}
