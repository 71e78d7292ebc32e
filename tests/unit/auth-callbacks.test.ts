// The demo's jwt and session callbacks (demo/auth-options.ts) on every trigger next-auth v4 passes, with the
// real SQLite store of tests/unit/setup.ts. next-auth v4's triggers: "signIn" | "signUp" | "update" | undefined
// (node_modules/next-auth/core/types.d.ts, CallbacksOptions.jwt).
import { describe, expect, it } from 'vitest'
import type { Account, Session, User } from 'next-auth'
import type { JWT } from 'next-auth/jwt'
import { authOptions } from '@/demo/auth-options'
import { completeOnboarding, createGuest, findUser } from '@/demo/users'

const jwt = authOptions.callbacks!.jwt!
const base: JWT = { name: 'Ada', email: null, picture: null, sub: 'x' }
const account = (provider: string, providerAccountId = 'acc'): Account => ({ provider, type: 'credentials', providerAccountId })
const user: User = { id: 'u1', name: 'Ada', role: 'reader', onboardingStep: 'INITIAL', ver: 1, signedInWith: 'demo', signedInAt: 1700000000 }

describe('the jwt callback', () => {
  it('signIn: copies the provider’s user into the token and records which provider minted it', async () => {
    const token = await jwt({ token: base, user, account: account('session-update'), trigger: 'signIn' })
    expect(token).toEqual({ ...base, sub: 'u1', role: 'reader', onboardingStep: 'INITIAL', ver: 1, mintedBy: 'session-update', signedInWith: 'demo', signedInAt: 1700000000, sid: expect.stringMatching(/^[0-9a-f-]{36}$/) })
  })

  it('signIn with GitHub: the row is written (or found again) and becomes the token', async () => {
    const gh = { id: '99', name: 'Octo', email: 'o@example.com', image: 'https://example.com/o.png' }
    const first = await jwt({ token: base, user: gh, account: account('github', 'gh-99'), trigger: 'signIn' })
    expect(first).toMatchObject({ role: 'reader', onboardingStep: 'INITIAL', ver: 1, mintedBy: 'github', signedInWith: 'github' })
    expect(findUser(first.sub!)).toMatchObject({ name: 'Octo', email: 'o@example.com', image: 'https://example.com/o.png' })
    const again = await jwt({ token: base, user: { ...gh, name: null }, account: account('github', 'gh-99'), trigger: 'signIn' })
    expect(again.sub).toBe(first.sub)
    expect(findUser(first.sub!)).toMatchObject({ name: 'GitHub user', email: 'o@example.com' })
  })

  it('signIn without a user or an account leaves the token as it is', async () => {
    expect(await jwt({ token: base, user, account: null, trigger: 'signIn' })).toBe(base)
    expect(await jwt({ token: base, user: undefined as never, account: account('demo'), trigger: 'signIn' })).toBe(base)
  })

  it('update: re-reads the row and ignores whatever the client sent', async () => {
    const row = createGuest('Grace')
    const token: JWT = { ...base, sub: row.id, role: 'reader', onboardingStep: 'INITIAL', ver: 1, mintedBy: 'demo' }
    const forged = { role: 'admin', onboardingStep: 'COMPLETED', ver: 99, sub: 'admin-0001' }
    expect(await jwt({ token, user: undefined as never, account: null, session: forged, trigger: 'update' })).toEqual({ ...token, name: 'Grace' })
    completeOnboarding(row.id, 'ship')
    expect(await jwt({ token, user: undefined as never, account: null, session: forged, trigger: 'update' })).toEqual({
      ...token, name: 'Grace', role: 'reader', onboardingStep: 'COMPLETED', ver: 2,
    })
  })

  it('update: a token whose row is gone, or that names no user, ends the session (next-auth clears the cookie on a throw)', async () => {
    const orphan: JWT = { ...base, sub: 'no-such-user', onboardingStep: 'INITIAL' }
    await expect(jwt({ token: orphan, user: undefined as never, account: null, session: { onboardingStep: 'COMPLETED' }, trigger: 'update' })).rejects.toThrow('no longer exists')
    const { sub: _none, ...anonymous } = orphan
    await expect(jwt({ token: anonymous, user: undefined as never, account: null, session: { onboardingStep: 'COMPLETED' }, trigger: 'update' })).rejects.toThrow('no longer exists')
  })

  it('every other request (no trigger) and signUp return the token untouched, whatever else is passed', async () => {
    const token: JWT = { ...base, sub: createGuest('Lin').id, onboardingStep: 'INITIAL' }
    for (const trigger of [undefined, 'signUp'] as const) {
      expect(await jwt({ token, user: trigger ? user : (undefined as never), account: trigger ? account('demo') : null, session: { onboardingStep: 'COMPLETED' }, trigger })).toBe(token)
    }
  })
})

describe('the jwt callback on a plain read racing an update (recent-writes.ts, next-auth #9983)', () => {
  it('re-reads the row for a token older than a recent write, and only then', async () => {
    const row = createGuest('Race')
    const old: JWT = { ...base, sub: row.id, name: 'Race', role: 'reader', onboardingStep: 'INITIAL', ver: 1, mintedBy: 'demo' }
    completeOnboarding(row.id, 'ship')
    const read = (token: JWT) => jwt({ token, user: undefined as never, account: null })
    expect(await read(old)).toEqual({ ...old, onboardingStep: 'COMPLETED', ver: 2 })
    // Already current: untouched, no read.
    const current = { ...old, onboardingStep: 'COMPLETED', ver: 2 }
    expect(await read(current)).toBe(current)
    // An update has its own path; a naive session is left as its forger minted it.
    const naive = { ...old, mintedBy: 'session-update-naive' }
    expect(await read(naive)).toBe(naive)
  })

  it('keeps the token when the row it would re-read is gone', async () => {
    const row = createGuest('Gone')
    completeOnboarding(row.id, 'ship')
    const { db } = await import('@/demo/db')
    db().prepare('DELETE FROM users WHERE id = ?').run(row.id)
    const old: JWT = { ...base, sub: row.id, onboardingStep: 'INITIAL', ver: 1, mintedBy: 'demo' }
    expect(await jwt({ token: old, user: undefined as never, account: null })).toBe(old)
  })
})

describe('the session callback', () => {
  it('exposes the claims the pages use, and nothing else from the token', async () => {
    const session = await authOptions.callbacks!.session!({
      session: { expires: '2100-01-01T00:00:00.000Z' } as Session,
      token: { sub: 'u1', name: 'Ada', email: 'a@example.com', picture: 'p', role: 'admin', onboardingStep: 'COMPLETED', ver: 3, mintedBy: 'demo', signedInAt: 1 },
      user: undefined as never,
      newSession: undefined,
      trigger: 'update',
    } as never)
    expect(session).toEqual({
      expires: '2100-01-01T00:00:00.000Z',
      user: { id: 'u1', name: 'Ada', email: 'a@example.com', image: 'p', role: 'admin', onboardingStep: 'COMPLETED' },
      mintedBy: 'demo',
    })
  })

  it('fills absent claims with null, never undefined (JSON-safe)', async () => {
    const session = await authOptions.callbacks!.session!({ session: { expires: 'e' } as Session, token: {} } as never)
    expect(session.user).toEqual({ id: '', name: null, email: null, image: null, role: undefined, onboardingStep: undefined })
  })
})

describe('the auth options', () => {
  it('sign JWT sessions with the demo’s secret and send every page to /demo', () => {
    expect(authOptions.session).toEqual({ strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 })
    expect(authOptions.secret).toBe(process.env.NEXTAUTH_SECRET)
    expect(authOptions.pages).toEqual({ signIn: '/demo', error: '/demo' })
  })
})
