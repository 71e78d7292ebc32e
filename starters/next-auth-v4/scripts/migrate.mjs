#!/usr/bin/env node
// `npm run db:migrate`: applies drizzle/'s migrations to the database the app would use (DATABASE_URL, else
// PGlite in DATA_DIR/pglite) and stops. The app also applies them at start; this is for deploy pipelines.
// With PGlite, stop the app first: one process at a time may open its folder.
import { openDatabase } from '../lib/db/connect.mjs'
import { loadSettings } from './settings.mjs'

loadSettings('migrate')
const database = await openDatabase()
try {
  await database.migrate()
  console.log(`Migrations applied (${database.kind === 'postgres' ? 'PostgreSQL at DATABASE_URL' : `PGlite in ${process.env.DATA_DIR}/pglite`}).`)
} finally {
  await database.close()
}
