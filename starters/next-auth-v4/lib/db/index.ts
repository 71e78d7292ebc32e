// The app's database: opened and migrated once per server process, on first use (instrumentation.ts asks at
// start). Kept on globalThis because Next bundles the API routes, the App Router handler and the pages
// separately: a module-level variable would open PGlite's folder once per bundle, which it does not allow.
import { openDatabase } from './connect.mjs'

type Database = Awaited<ReturnType<typeof openDatabase>>
const KEY = Symbol.for('next-auth-v4-starter.db')
const holder = globalThis as typeof globalThis & { [KEY]?: Promise<Database> }

/** The open, migrated database. The first call applies the migrations in drizzle/ (a no-op when current). */
export function database(): Promise<Database> {
  holder[KEY] ??= (async () => {
    const opened = await openDatabase()
    await opened.migrate()
    return opened
  })().catch((error: unknown) => {
    holder[KEY] = undefined // the next request tries again instead of failing forever
    throw error
  })
  return holder[KEY]
}

export async function db() {
  return (await database()).db
}

/** Tests: close the database so the next database() opens (and migrates) afresh. */
export async function closeDatabase() {
  const open = holder[KEY]
  holder[KEY] = undefined
  if (open) await (await open).close()
}
