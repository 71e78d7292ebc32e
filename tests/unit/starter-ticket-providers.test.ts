// Both starters' hardened "session-update" providers, their real authorize() as next-auth calls it, in the fast
// tests (issue 22, item 5): a ticket is honoured only when the server signed it, it has not expired, and it names
// the caller's own user, session and a newer version. The v4 starter reads the row (its Drizzle database on PGlite
// in the unit run's temporary DATA_DIR, removed by tests/unit/setup.ts); the v5 one returns the identity only.
// (verifyTicket's own refusals, one by one: starter-tickets.test.ts.)
import { hkdfSync } from 'node:crypto'
import { encode as encodeV5 } from '@auth/core/jwt'
import { SignJWT } from 'jose'
import { encode as encodeV4 } from 'next-auth/jwt'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

const SECRET = 'starter-providers-unit-secret-0123456789'
process.env.NEXTAUTH_SECRET = SECRET // v4 starter (its lib/secret.ts reads it per call)
process.env.AUTH_SECRET = SECRET // v5 starter (src/env.js reads it at import)
afterEach(() => vi.useRealTimers())

type Authorize = (credentials: Record<string, unknown>, req: unknown) => Promise<{ id: string; sid?: string } | null>
/** The authorize() the app wrote: next-auth keeps the app's options (id, authorize) as `options` on the provider. */
const authorizeOf = (providers: unknown[], id: string) => {
  const provider = (providers as { options: { id?: string; authorize: Authorize } }[]).find((p) => p.options?.id === id)
  if (!provider) throw new Error(`no provider ${id}`)
  return provider.options.authorize
}

/** A ticket signed one minute and a half ago: past its 60 s lifetime and jose's 5 s tolerance. */
async function expiredTicket(issue: () => Promise<string>) {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.now() - 90_000)
  try {
    return await issue()
  } finally {
    vi.useRealTimers()
  }
}

/** Signed by someone who does not hold the starter's key: right shape, right claims, wrong key. */
const forged = (claims: { sub: string; sid: string; ver: number }) =>
  new SignJWT({ sid: claims.sid, ver: claims.ver })
    .setProtectedHeader({ alg: 'HS256', typ: 'session-update+jwt' })
    .setSubject(claims.sub)
    .setAudience('session-update')
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(new Uint8Array(hkdfSync('sha256', 'not-the-secret', '', 'forger', 32)))

describe('the next-auth-v4 starter’s session-update provider', async () => {
  const { authOptions } = await import('../../starters/next-auth-v4/lib/auth-options')
  const { issueTicket } = await import('../../starters/next-auth-v4/lib/ticket')
  const { findOrCreateUserByEmail } = await import('../../starters/next-auth-v4/lib/users')
  const { closeDatabase, database } = await import('../../starters/next-auth-v4/lib/db')
  // PGlite's start and the migrations: seconds, more on a loaded machine; paid here, not by a test.
  beforeAll(async () => void (await database()), 180_000)
  afterAll(() => closeDatabase())
  const authorize = authorizeOf(authOptions.providers, 'session-update')

  const session = async (token: Record<string, unknown>) => ({
    headers: { host: 'localhost:3000', cookie: `next-auth.session-token=${await encodeV4({ token, secret: SECRET })}` },
  })
  const setUp = async () => {
    const row = await findOrCreateUserByEmail(`ticket-${Math.random()}@example.com`)
    return { row, req: await session({ sub: row.id, sid: 'sid-1', ver: 1, email: row.email }) }
  }

  it('honours a ticket it signed for this user, this session and a newer version, with the row’s identity', async () => {
    const { row, req } = await setUp()
    const user = await authorize({ ticket: await issueTicket({ sub: row.id, sid: 'sid-1', ver: 2 }) }, req)
    expect(user).toEqual({ id: row.id, email: row.email, name: row.name, sid: 'sid-1' })
  })

  it('refuses a forged ticket, an expired one, and none', async () => {
    const { row, req } = await setUp()
    await expect(authorize({ ticket: await forged({ sub: row.id, sid: 'sid-1', ver: 2 }) }, req)).rejects.toThrow('The ticket signature is not valid.')
    const old = await expiredTicket(() => issueTicket({ sub: row.id, sid: 'sid-1', ver: 2 }))
    await expect(authorize({ ticket: old }, req)).rejects.toThrow('The ticket has expired.')
    await expect(authorize({}, req)).rejects.toThrow('No ticket was sent.')
    await expect(authorize(undefined as never, req)).rejects.toThrow('No ticket was sent.')
  })

  it('refuses another user’s ticket, another session’s, one not newer than the session, and a caller with no session', async () => {
    const { row, req } = await setUp()
    await expect(authorize({ ticket: await issueTicket({ sub: 'someone-else', sid: 'sid-1', ver: 2 }) }, req)).rejects.toThrow('another user')
    await expect(authorize({ ticket: await issueTicket({ sub: row.id, sid: 'sid-2', ver: 2 }) }, req)).rejects.toThrow('another session')
    await expect(authorize({ ticket: await issueTicket({ sub: row.id, sid: 'sid-1', ver: 1 }) }, req)).rejects.toThrow('not newer')
    const ticket = await issueTicket({ sub: row.id, sid: 'sid-1', ver: 2 })
    await expect(authorize({ ticket }, { headers: { host: 'localhost:3000' } })).rejects.toThrow('No current session')
    await expect(authorize({ ticket }, await session({ sub: row.id, ver: 1 }))).rejects.toThrow('No current session')
  })

  it('the development sign-in (not in production): an email address, trimmed, signs in as its row; anything else is refused', async () => {
    const dev = authorizeOf(authOptions.providers, 'dev')
    const email = `dev-${Math.random()}@example.com`
    const user = await dev({ email: `  ${email} ` }, {})
    expect(user).toMatchObject({ email, id: (await findOrCreateUserByEmail(email)).id })
    for (const bad of ['not-an-address', '', `${'x'.repeat(200)}@example.com`]) await expect(dev({ email: bad }, {})).rejects.toThrow('Enter a valid email address.')
    await expect(dev(undefined as never, {})).rejects.toThrow('Enter a valid email address.')
    await expect(dev({}, {})).rejects.toThrow('Enter a valid email address.')
  })

  it('refuses a ticket for a user whose row is gone', async () => {
    const req = await session({ sub: 'deleted-user', sid: 'sid-1', ver: 1 })
    await expect(authorize({ ticket: await issueTicket({ sub: 'deleted-user', sid: 'sid-1', ver: 2 }) }, req)).rejects.toThrow('no longer exists')
  })
})

describe('the authjs-v5 starter’s session-update provider', async () => {
  // Imported by a computed path: the root tsconfig checks this file against next-auth 4, and the provider is written
  // against next-auth 5 (`~/` and `next-auth` resolve as in the starter here: vitest.config.mts's unit plugins).
  const provider = '../../starters/authjs-v5/src/server/auth/session-update-provider'
  const { sessionUpdateProvider } = (await import(/* @vite-ignore */ provider)) as { sessionUpdateProvider: unknown }
  const { issueTicket } = await import('../../starters/authjs-v5/src/server/ticket')
  const authorize = authorizeOf([sessionUpdateProvider], 'session-update')
  const NAME = 'authjs.session-token' // http://localhost:3000: no __Secure- prefix (cookie-name.ts)

  /** The Request @auth/core hands authorize(): the callback URL, the caller's cookies. */
  const request = async (token?: Record<string, unknown>) =>
    new Request('http://localhost:3000/api/auth/callback/session-update', {
      method: 'POST',
      headers: token ? { cookie: `${NAME}=${await encodeV5({ token, secret: SECRET, salt: NAME })}` } : {},
    })
  const caller = { sub: 'u1', sid: 'sid-1', ver: 1, email: 'ada@example.com', name: 'Ada' }
  /** The code a refusal carries to the client (a CredentialsSignin's `code`). */
  const refusal = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: { code?: string }) => error.code)

  it('honours a ticket it signed for this user, this session and a newer version (identity only)', async () => {
    const user = await authorize({ ticket: await issueTicket({ sub: 'u1', sid: 'sid-1', ver: 2 }) }, await request(caller))
    expect(user).toEqual({ id: 'u1', email: 'ada@example.com', name: 'Ada', sid: 'sid-1' })
  })

  it('refuses a forged ticket, an expired one, and none', async () => {
    expect(await refusal(authorize({ ticket: await forged({ sub: 'u1', sid: 'sid-1', ver: 2 }) }, await request(caller)))).toBe('invalid_ticket')
    const old = await expiredTicket(() => issueTicket({ sub: 'u1', sid: 'sid-1', ver: 2 }))
    expect(await refusal(authorize({ ticket: old }, await request(caller)))).toBe('expired_ticket')
    expect(await refusal(authorize({}, await request(caller)))).toBe('invalid_ticket')
  })

  it('refuses another user’s ticket, another session’s, one not newer than the session, and a caller with no session', async () => {
    const ticket = (sub: string, sid: string, ver: number) => issueTicket({ sub, sid, ver })
    expect(await refusal(authorize({ ticket: await ticket('u2', 'sid-1', 2) }, await request(caller)))).toBe('foreign_user')
    expect(await refusal(authorize({ ticket: await ticket('u1', 'sid-2', 2) }, await request(caller)))).toBe('foreign_session')
    expect(await refusal(authorize({ ticket: await ticket('u1', 'sid-1', 1) }, await request(caller)))).toBe('stale_ticket')
    expect(await refusal(authorize({ ticket: await ticket('u1', 'sid-1', 2) }, await request()))).toBe('no_session')
    expect(await refusal(authorize({ ticket: await ticket('u1', 'sid-1', 2) }, await request({ sub: 'u1', ver: 1 })))).toBe('no_session')
  })
})
