// One session, one cookie (demo/cookie-budget.ts): the limit is next-auth v4's own chunk size
// (node_modules/next-auth/core/lib/cookie.js: CHUNK_SIZE = 4096 - ESTIMATED_EMPTY_COOKIE_SIZE (163)).
import { describe, expect, it } from 'vitest'
import { decode } from 'next-auth/jwt'
import type { CredentialsConfig } from 'next-auth/providers/credentials'
import CredentialsProvider from 'next-auth/providers/credentials'
import GitHubProvider from 'next-auth/providers/github'
import { signInToken } from '@/demo/claims'
import { SESSION_COOKIE_MAX_BYTES, assertFitsOneCookie, fitsOneCookie, sessionCookieBytes, withinCookieBudget } from '@/demo/cookie-budget'

const user = (name: string) => ({ id: 'u1', name, role: 'reader', onboardingStep: 'INITIAL', ver: 1 })

/** A name that makes the sign-in token's cookie exactly `bytes` long (the JWE grows a byte at a time, mostly). */
async function nameForBytes(bytes: number): Promise<string | undefined> {
  for (let n = 2600; n < 2800; n++) {
    const name = 'x'.repeat(n)
    const size = await sessionCookieBytes(signInToken(user(name), 'p'))
    if (size === bytes) return name
    if (size > bytes) return undefined
  }
}

describe('the cookie budget', () => {
  it('is next-auth v4’s chunk size', () => {
    expect(SESSION_COOKIE_MAX_BYTES).toBe(3933)
  })

  it('measures the encrypted cookie next-auth would write', async () => {
    const token = signInToken(user('Ada'), 'demo')
    const bytes = await sessionCookieBytes(token)
    expect(bytes).toBeGreaterThan(300)
    expect(bytes).toBeLessThan(600)
  })

  it('accepts a session of exactly the budget and refuses one byte more (or the nearest size above)', async () => {
    const fits = await nameForBytes(SESSION_COOKIE_MAX_BYTES)
    expect(fits, 'a name that gives exactly the budget').toBeDefined()
    await expect(assertFitsOneCookie(signInToken(user(fits!), 'p'))).resolves.toBeUndefined()
    // The update path asks the same question (the jwt callback keeps the old token when the new one would not fit).
    expect(await fitsOneCookie(signInToken(user(fits!), 'p'))).toBe(true)
    const over = signInToken(user(fits! + 'xx'), 'p')
    expect(await sessionCookieBytes(over)).toBeGreaterThan(SESSION_COOKIE_MAX_BYTES)
    expect(await fitsOneCookie(over)).toBe(false)
    await expect(assertFitsOneCookie(over)).rejects.toThrow(
      new RegExp(`^Refused: this session would need a \\d+-byte cookie, more than the 3933 bytes one cookie holds\\. Your session is unchanged\\.$`),
    )
  })

  it('wraps a credentials provider: an oversized user is refused, a fitting one and null pass through', async () => {
    const seen: unknown[] = []
    const inner = CredentialsProvider({
      id: 'budgeted',
      credentials: {},
      async authorize(credentials, req) {
        seen.push([credentials, req])
        return (credentials as { user?: ReturnType<typeof user> }).user ?? null
      },
    })
    const wrapped = withinCookieBudget(inner)
    expect(wrapped).not.toBe(inner)
    expect({ ...wrapped, options: undefined }).toEqual({ ...inner, options: undefined })
    const authorize = (wrapped.options as CredentialsConfig).authorize
    expect((wrapped.options as CredentialsConfig).id).toBe('budgeted')
    await expect(authorize({ user: user('Ada') } as never, { headers: { h: '1' } } as never)).resolves.toEqual(user('Ada'))
    expect(seen[0]).toEqual([{ user: user('Ada') }, { headers: { h: '1' } }])
    await expect(authorize({} as never, {} as never)).resolves.toBeNull()
    await expect(authorize({ user: user('x'.repeat(3000)) } as never, {} as never)).rejects.toThrow('Refused: this session would need')
  })

  it('measures with the provider’s own id as mintedBy', async () => {
    const fits = await nameForBytes(SESSION_COOKIE_MAX_BYTES)
    // A longer provider id makes the same user one cookie too big: the id the token will carry is the one measured.
    const inner = (id: string) => CredentialsProvider({ id, credentials: {}, authorize: async () => user(fits!) })
    await expect((withinCookieBudget(inner('p')).options as CredentialsConfig).authorize({}, {} as never)).resolves.toBeTruthy()
    await expect((withinCookieBudget(inner('pppppppp')).options as CredentialsConfig).authorize({}, {} as never)).rejects.toThrow('Refused')
  })

  it('leaves other providers as they are', () => {
    const github = GitHubProvider({ clientId: 'id', clientSecret: 'secret' })
    expect(withinCookieBudget(github)).toBe(github)
  })

  it('measures a cookie that decodes to the token', async () => {
    const { encode } = await import('next-auth/jwt')
    const token = signInToken(user('Ada'), 'demo')
    const cookie = await encode({ token, secret: process.env.NEXTAUTH_SECRET! })
    expect(await decode({ token: cookie, secret: process.env.NEXTAUTH_SECRET! })).toMatchObject(JSON.parse(JSON.stringify(token)))
    expect(Math.abs(Buffer.byteLength(cookie) - (await sessionCookieBytes(token)))).toBeLessThanOrEqual(1)
  })
})
