// The database-sessions row of `npm run bench:stale`: next-auth 4's real handler (`session: { strategy: "database" }`)
// answering GET /api/auth/session, each request with a signed-in user's session cookie, over an SQLite adapter
// (./sqlite-session-adapter.ts). The reads are the getSessionAndUser calls the handler made, counted, and the joins
// that ran on SQLite; the times are the lookup's own (inside the adapter) and the whole request's, per 1,000.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import GitHub from 'next-auth/providers/github'
import { serveAuth } from '../../content/v4/testing/serve-auth'
import { Client } from '../../tests/support/client'
import { round } from './stats'
import { sqliteSessionAdapter } from './sqlite-session-adapter'

/** Over plain HTTP on localhost, next-auth 4 names its session cookie without the __Secure- prefix. */
const SESSION_COOKIE = 'next-auth.session-token'

export async function measureDatabaseSessions({ requests, users = 10_000, warmUp = 100, secret = 'bench-database-sessions-secret-0123456789' }: { requests: number; users?: number; warmUp?: number; secret?: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-database-sessions-'))
  const store = sqliteSessionAdapter(join(dir, 'sessions.sqlite'))
  // An OAuth provider, as an app with database sessions has (v4 refuses "database" with Credentials alone); never used:
  // the sessions are seeded as its sign-in would leave them.
  const server = await serveAuth({
    providers: [GitHub({ clientId: 'unused', clientSecret: 'unused' })],
    adapter: store.adapter as never,
    session: { strategy: 'database' },
    secret,
    logger: { error() {}, warn() {}, debug() {} },
  })
  try {
    const tokens = store.signedIn(users)
    const client = new Client(server.url)
    // Spread over the users, as a server's traffic is, rather than one hot row.
    const check = async (i: number) => {
      client.jar.set(SESSION_COOKIE, tokens[(i * 7919) % tokens.length])
      return client.session()
    }
    for (let i = 0; i < warmUp; i++) await check(i)
    const readsFrom = store.reads.length
    const writesFrom = store.writes.length
    const lookupsFrom = { ...store.lookups }
    let answered = 0
    const t = performance.now()
    for (let i = 0; i < requests; i++) if ((await check(warmUp + i))?.user) answered++
    const requestMs = performance.now() - t
    const reads = store.reads.slice(readsFrom)
    return {
      requests,
      /** Session checks the handler answered with a user (a check that found nothing measures nothing). */
      answered,
      /** Adapter reads the handler made, counted: getSessionAndUser and any other. */
      reads: reads.length,
      getSessionAndUser: reads.filter((name) => name === 'getSessionAndUser').length,
      writes: store.writes.length - writesFrom,
      /** session⋈user joins that ran on SQLite. */
      lookups: store.lookups.count - lookupsFrom.count,
      lookupMsPer1000: round(((store.lookups.ms - lookupsFrom.ms) * 1000) / requests, 1),
      requestMsPer1000: round((requestMs * 1000) / requests, 0),
    }
  } finally {
    await server.close()
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
