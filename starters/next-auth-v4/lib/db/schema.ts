// The one schema: drizzle-kit generates the SQL migrations in drizzle/ from it, and lib/users.ts queries through it.
import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').unique(),
  name: text('name'),
  role: text('role').notNull().default('user'),
  onboardingStep: text('onboarding_step').notNull().default('INITIAL'),
  // Bumped by every change the session must pick up: a ticket must carry a newer version, and the jwt
  // callback's race guard compares it with the token's.
  version: integer('version').notNull().default(1),
})

/** Which provider account (GitHub) belongs to which user. Added by the second migration. */
export const accounts = pgTable(
  'accounts',
  {
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
)
