// drizzle-kit reads this: `npx drizzle-kit generate` writes a new SQL migration into drizzle/ from the schema.
// Only the SQL dialect matters for generating; the app picks PGlite or PostgreSQL at run time (lib/db/connect.mjs).
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './drizzle',
})
