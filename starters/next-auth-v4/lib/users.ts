// The user store: named functions over Drizzle (lib/db/schema.ts). The only module that queries the tables.
import { randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { db } from './db'
import { accounts, users } from './db/schema'
import { ONBOARDING_COMPLETED } from './onboarding-steps'

export type UserRow = typeof users.$inferSelect

export async function findUserById(id: string): Promise<UserRow | undefined> {
  const [row] = await (await db()).select().from(users).where(eq(users.id, id))
  return row
}

export async function findUserByEmail(email: string): Promise<UserRow | undefined> {
  const [row] = await (await db()).select().from(users).where(eq(users.email, email.toLowerCase()))
  return row
}

/** The dev sign-in: the user with this email, created (onboarding INITIAL) on first use. */
export async function findOrCreateUserByEmail(email: string): Promise<UserRow> {
  const normalized = email.toLowerCase()
  await (await db())
    .insert(users)
    .values({ id: randomUUID(), email: normalized, name: normalized.split('@')[0] })
    .onConflictDoNothing({ target: users.email })
  return (await findUserByEmail(normalized))!
}

/** The user a provider account (GitHub) is linked to, if any. */
export async function findLinkedUser(provider: string, providerAccountId: string): Promise<UserRow | undefined> {
  const [row] = await (await db())
    .select({ user: users })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)))
  return row?.user
}

export async function linkAccount(input: { provider: string; providerAccountId: string; userId: string }): Promise<void> {
  await (await db()).insert(accounts).values(input).onConflictDoNothing()
}

/** A new user for a provider account, linked to it in the same transaction. */
export async function createLinkedUser(input: { provider: string; providerAccountId: string; email: string | null; name: string | null }): Promise<UserRow> {
  return (await db()).transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ id: randomUUID(), email: input.email?.toLowerCase() ?? null, name: input.name })
      .returning()
    await tx.insert(accounts).values({ provider: input.provider, providerAccountId: input.providerAccountId, userId: row.id })
    return row
  })
}

/** The onboarding mutation's write: COMPLETED, and a new version so the session knows it is behind. */
export async function completeOnboarding(id: string): Promise<UserRow | undefined> {
  const [row] = await (await db())
    .update(users)
    .set({ onboardingStep: ONBOARDING_COMPLETED, version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
    .returning()
  return row
}
