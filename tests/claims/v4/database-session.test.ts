// `session: { strategy: "database" }` in next-auth 4: its real handler over HTTP, with a counting memory adapter
// (tests/claims/support/memory-adapter.ts). Reads are counted from the adapter calls the handler makes.
import GitHub from 'next-auth/providers/github'
import type { AuthOptions } from 'next-auth'
import { afterEach, expect, it } from 'vitest'
import { serveAuth } from '@/content/v4/testing/serve-auth'
import { Client } from '../../support/client'
import { signInProvider } from '../../snippets/v4/setup'
import { claim } from '../support/claim'
import { credentialsSignIn, databaseSessionChecks } from '../support/database-session'
import { memoryAdapter } from '../support/memory-adapter'

const COOKIE = 'next-auth.session-token'
// An OAuth provider beside Credentials, as an app with database sessions has (never used here: its sessions are
// made by the adapter, as its sign-in would).
const github = GitHub({ clientId: 'unused', clientSecret: 'unused' })
const closing: (() => Promise<void>)[] = []
afterEach(async () => void (await Promise.all(closing.splice(0).map((close) => close()))))

async function serve(options: Partial<AuthOptions>) {
  const store = memoryAdapter()
  const server = await serveAuth({ providers: [signInProvider, github], adapter: store.adapter as never, logger: { error() {}, warn() {}, debug() {} }, ...options })
  closing.push(server.close)
  return { store, client: new Client(server.url) }
}

claim('database-session-read-per-check', ['v4'], () => {
  it('every session check is one adapter read (session and user together); a row change shows at once; deleting the rows signs out', async () => {
    const { store, client } = await serve({
      session: { strategy: 'database' },
      callbacks: { session: ({ session, user }) => ({ ...session, role: (user as { role?: string }).role }) },
    })
    const { reads, first, changed, deleted } = await databaseSessionChecks(client, store, COOKIE)
    expect(reads).toEqual(['getSessionAndUser', 'getSessionAndUser'])
    expect(first).toMatchObject({ user: { name: 'Ada' }, role: 'reader' })
    expect(changed).toMatchObject({ role: 'editor' })
    expect(deleted).toEqual({})
  })
})

claim('credentials-no-database-session', ['v4'], () => {
  it('with an adapter (strategy "database" by default), a Credentials sign-in writes a JWT, no session row: the next check finds nothing', async () => {
    const { store, client } = await serve({ providers: [signInProvider] })
    const { writes, sessionRows, value, reads, session } = await credentialsSignIn(client, store, COOKIE)
    expect(writes).not.toContain('createSession')
    expect(sessionRows).toBe(0)
    expect(value.split('.')).toHaveLength(5) // an encrypted JWT (JWE compact form), not a session id
    expect(reads).toEqual(['getSessionAndUser'])
    expect(session).toEqual({})
  })
})

claim('v4-credentials-database-refused', ['v4'], () => {
  it('strategy "database" set explicitly with only Credentials: every /api/auth request fails (500, or the error page)', async () => {
    const logged: unknown[] = []
    const { client } = await serve({ providers: [signInProvider], session: { strategy: 'database' }, logger: { error: (_code, error) => void logged.push(error), warn() {}, debug() {} } })
    const session = await client.request('/api/auth/session')
    expect(session.status).toBe(500)
    expect(session.json.message).toMatch(/problem with the server configuration/)
    const signin = await client.request('/api/auth/signin')
    expect(signin.status).toBe(500)
    expect(signin.headers.get('content-type')).toMatch(/text\/html/)
    expect(String(logged[0])).toMatch(/Signin in with credentials only supported if JWT strategy is enabled/)
  })

  it('the same providers with the adapter alone (the default "database" strategy) pass the check', async () => {
    const { client } = await serve({ providers: [signInProvider] })
    expect((await client.request('/api/auth/session')).status).toBe(200)
    expect((await client.request('/api/auth/providers')).status).toBe(200)
  })
})
