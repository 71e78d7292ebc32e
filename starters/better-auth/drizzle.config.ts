// drizzle-kit generates the SQL migrations in drizzle/ from the schema; it needs no database for that.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  schema: './src/server/db/schema.ts',
  out: './drizzle',
  dialect: 'postgresql',
})
