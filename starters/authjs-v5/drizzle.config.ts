// drizzle-kit only generates the SQL (`npm run db:generate`); it needs no database. The app applies it
// (scripts/migrate.mjs, at every start and by `npm run db:migrate`).
import type { Config } from 'drizzle-kit'

export default {
  schema: './src/server/db/schema.ts',
  out: './drizzle',
  dialect: 'postgresql',
} satisfies Config
