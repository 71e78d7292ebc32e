// The app's database: one handle per process, kept on globalThis because the proxy and the routes are bundled
// separately and PGlite's data directory may be opened by one instance only.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { env } from '~/env'
import { connect } from './connect.mjs'
import * as schema from './schema'

const globalForDb = globalThis as unknown as { appDb?: ReturnType<typeof connect> }
globalForDb.appDb ??= connect(schema, { ...process.env, DATABASE_URL: env.DATABASE_URL })

export const db = globalForDb.appDb.db as unknown as PgDatabase<PgQueryResultHKT, typeof schema>
