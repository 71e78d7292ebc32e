// The one schema. drizzle-kit turns changes here into SQL under drizzle/ (`npm run db:generate`); never edit a
// migration that has shipped, add a new one.
import { sql } from 'drizzle-orm'
import { pgTable } from 'drizzle-orm/pg-core'

export const users = pgTable('user', (d) => ({
  id: d
    .varchar({ length: 255 })
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  email: d.varchar({ length: 255 }).unique(),
  /** GitHub's numeric account id, set when a GitHub sign-in is linked to this user. */
  githubId: d.varchar('github_id', { length: 64 }).unique(),
  name: d.varchar({ length: 255 }),
  role: d.varchar({ length: 32, enum: ['user', 'admin'] }).notNull().default('user'),
  onboardingStep: d.varchar('onboarding_step', { length: 32, enum: ['INITIAL', 'COMPLETED'] }).notNull().default('INITIAL'),
  /** Bumped by every write that changes claims: a token whose `ver` is lower is stale. */
  version: d.integer().notNull().default(1),
  createdAt: d.timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  // Added by the second migration (drizzle/0001_*): the onboarding answer, and when the claims last changed.
  goal: d.varchar({ length: 32 }),
  updatedAt: d
    .timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
}))

export type User = typeof users.$inferSelect
export type OnboardingStep = User['onboardingStep']
export type Role = User['role']
