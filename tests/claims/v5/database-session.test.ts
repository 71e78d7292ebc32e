// `session: { strategy: "database" }` in Auth.js 5: its real Auth(), with a counting memory adapter
// (tests/claims/support/memory-adapter.ts). Reads are counted from the adapter calls Auth.js makes.
import GitHub from 'next-auth/providers/github'
import type { AuthConfig } from '@auth/core'
import { expect, it } from 'vitest'
import { authFetch } from '@/content/v5/testing/auth-fetch'
import { Client } from '../../support/client'
import { ORIGIN, signInProvider } from '../../snippets/v5/setup'
import { claim } from '../support/claim'
import { credentialsSignIn, databaseSessionChecks } from '../support/database-session'
import { memoryAdapter } from '../support/memory-adapter'

const COOKIE = 'authjs.session-token'
// An OAuth provider beside Credentials, as an app with database sessions has (never used here: its sessions are
// made by the adapter, as its sign-in would).
const github = GitHub({ clientId: 'unused', clientSecret: 'unused' })

function serve(options: Partial<AuthConfig>) {
  const store = memoryAdapter()
  const logger = { error() {} }
  const fetch = authFetch({ secret: process.env.AUTH_SECRET, providers: [signInProvider, github], adapter: store.adapter as never, logger, ...options })
  return { store, client: new Client(ORIGIN, fetch) }
}

claim('database-session-read-per-check', ['v5'], () => {
  it('every session check is one adapter read (session and user together); a row change shows at once; deleting the rows signs out', async () => {
    const { store, client } = serve({
      session: { strategy: 'database' },
      callbacks: { session: ({ session, user }) => ({ ...session, role: (user as { role?: string }).role }) },
    })
    const { reads, first, changed, deleted } = await databaseSessionChecks(client, store, COOKIE)
    expect(reads).toEqual(['getSessionAndUser', 'getSessionAndUser'])
    expect(first).toMatchObject({ user: { name: 'Ada' }, role: 'reader' })
    expect(changed).toMatchObject({ role: 'editor' })
    expect(deleted).toBeNull()
  })
})

claim('credentials-no-database-session', ['v5'], () => {
  it('with an adapter (strategy "database" by default), a Credentials sign-in writes a JWT, no session row: the next check finds nothing', async () => {
    const { store, client } = serve({ providers: [signInProvider] })
    const { writes, sessionRows, value, reads, session } = await credentialsSignIn(client, store, COOKIE)
    expect(writes).not.toContain('createSession')
    expect(sessionRows).toBe(0)
    expect(value.split('.')).toHaveLength(5) // an encrypted JWT (JWE compact form), not a session id
    expect(reads).toEqual(['getSessionAndUser'])
    expect(session).toBeNull()
  })
})
