// The session cookie as the demo reads it (demo/session-cookie.ts, demo/secret.ts): its name follows the
// public URL's scheme as next-auth v4's does (node_modules/next-auth/core/lib/cookie.js:18: `__Secure-` prefix
// when `useSecureCookies`, which core/init.js:60 takes from NEXTAUTH_URL starting with https://).
import { afterEach, describe, expect, it } from 'vitest'
import { encode } from 'next-auth/jwt'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { useSecureCookies } from '@/demo/secret'
import { expiredSessionCookies, readSessionCookie, readSessionToken, sessionCookieName } from '@/demo/session-cookie'
import { sessionCookie } from '../support/demo-session'

// Not in next-auth's package exports: loaded by path, to compare with next-auth's own naming.
const require = createRequire(import.meta.url)
const nextAuthDir = dirname(require.resolve('next-auth/jwt'))
const { defaultCookies } = require(join(nextAuthDir, '../core/lib/cookie.js')) as { defaultCookies(secure: boolean): { sessionToken: { name: string } } }
const { detectOrigin } = require(join(nextAuthDir, '../utils/detect-origin.js')) as { detectOrigin(host?: string, proto?: string): string | undefined }
const parseUrl = (require(join(nextAuthDir, '../utils/parse-url.js')) as { default(url?: string): { base: string } }).default
const url = process.env.NEXTAUTH_URL
afterEach(() => {
  process.env.NEXTAUTH_URL = url
  delete process.env.VERCEL
  delete process.env.AUTH_TRUST_HOST
})

const setEnv = (key: string, value: string | undefined) => (value === undefined ? delete process.env[key] : (process.env[key] = value))

describe('the session cookie’s name', () => {
  it('is next-auth.session-token over http and __Secure-next-auth.session-token over https, as next-auth’s own', () => {
    for (const [publicUrl, secure] of [['http://localhost:3000', false], ['https://lab.example', true], ['http://https.example', false]] as const) {
      process.env.NEXTAUTH_URL = publicUrl
      expect(useSecureCookies(), publicUrl).toBe(secure)
      expect(sessionCookieName(), publicUrl).toBe(secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token')
      expect(sessionCookieName()).toBe(defaultCookies(secure).sessionToken.name)
    }
  })

  // next-auth's handler (core/index.js:48 then core/init.js:60) with every setting a deployment has: the origin
  // from NEXTAUTH_URL, or on Vercel / with AUTH_TRUST_HOST from the forwarded proto and host.
  it('follows the request as next-auth does: NEXTAUTH_URL, else VERCEL or AUTH_TRUST_HOST with X-Forwarded-Proto', () => {
    let secureSeen = 0
    for (const publicUrl of [undefined, 'http://localhost:3000', 'https://lab.example', 'lab.example'])
      for (const vercel of [undefined, '1', ''])
        for (const trust of [undefined, 'true'])
          for (const proto of [undefined, 'http', 'https']) {
            setEnv('NEXTAUTH_URL', publicUrl)
            setEnv('VERCEL', vercel)
            setEnv('AUTH_TRUST_HOST', trust)
            const headers = { host: 'lab.example', ...(proto && { 'x-forwarded-proto': proto }) }
            const secure = parseUrl(detectOrigin(headers.host, proto)).base.startsWith('https://')
            const label = JSON.stringify({ publicUrl, vercel, trust, proto })
            expect(useSecureCookies(headers), label).toBe(secure)
            expect(sessionCookieName(headers), label).toBe(defaultCookies(secure).sessionToken.name)
            secureSeen += Number(secure)
          }
    expect(secureSeen).toBeGreaterThan(20) // both names are exercised, not a table that only ever says http
  })

  it('is the plain name when NEXTAUTH_URL is unset', () => {
    delete process.env.NEXTAUTH_URL
    expect(useSecureCookies()).toBe(false)
  })
})

describe('readSessionCookie', () => {
  it('joins chunks in numeric order, as next-auth does', () => {
    const header = 'a=1; next-auth.session-token.10=K; next-auth.session-token.2=C; next-auth.session-token.0=A; next-auth.session-token.1=B'
    expect(readSessionCookie(header)).toEqual({ name: 'next-auth.session-token', value: 'ABCK', chunks: 4, bytes: 4 })
  })

  it('reads an unchunked cookie and counts bytes, not characters', () => {
    expect(readSessionCookie('next-auth.session-token=é')).toEqual({ name: 'next-auth.session-token', value: 'é', chunks: 1, bytes: 2 })
  })

  it('finds nothing without the cookie, or with a look-alike name', () => {
    for (const header of [undefined, '', 'next-auth.session-tokenx=1', 'next-auth.csrf-token=1']) expect(readSessionCookie(header), String(header)).toBeNull()
  })

  it('over https reads only the __Secure- cookie', () => {
    process.env.NEXTAUTH_URL = 'https://lab.example'
    expect(readSessionCookie('next-auth.session-token=plain')).toBeNull()
    expect(readSessionCookie('__Secure-next-auth.session-token=sec')).toMatchObject({ name: '__Secure-next-auth.session-token', value: 'sec' })
  })
})

describe('readSessionToken', () => {
  it('decodes the demo’s own cookie', async () => {
    expect(await readSessionToken(await sessionCookie({ sub: 'u1', role: 'reader' }))).toMatchObject({ sub: 'u1', role: 'reader' })
  })

  it('is null without a header, for garbage, and for another secret’s cookie', async () => {
    const foreign = `next-auth.session-token=${await encode({ token: { sub: 'u1' }, secret: 'x'.repeat(32) })}`
    for (const header of [undefined, '', 'next-auth.session-token=garbage', foreign]) expect(await readSessionToken(header)).toBeNull()
  })

  it('over https ignores the plain-named cookie', async () => {
    const plain = await sessionCookie({ sub: 'u1' }, 'next-auth.session-token')
    process.env.NEXTAUTH_URL = 'https://lab.example'
    expect(await readSessionToken(plain)).toBeNull()
    expect(await readSessionToken(await sessionCookie({ sub: 'u1' }))).toMatchObject({ sub: 'u1' })
  })
})

describe('readSessionCookie with ten chunks or more', () => {
  it('orders chunk 10 after chunk 9, by number, not by its last digit', () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000'
    const chunks = Array.from({ length: 12 }, (_, i) => `next-auth.session-token.${i}=${String.fromCharCode(97 + i)}`)
    // Several arrival orders: a comparator that reads one side wrong can still sort one order right (reversed
    // order hid `a.split('')` from the mutation run).
    const shuffled = [3, 10, 0, 11, 7, 1, 9, 2, 5, 8, 4, 6].map((i) => chunks[i])
    for (const order of [[...chunks].reverse(), chunks, shuffled]) {
      expect(readSessionCookie(order.join('; '))).toEqual({ name: 'next-auth.session-token', value: 'abcdefghijkl', chunks: 12, bytes: 12 })
    }
  })
})

describe('expiredSessionCookies (sign-out lines for what the request carried)', () => {
  it('expires each session cookie and chunk the request carried, and nothing else', () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000'
    const header = 'theme=dark; next-auth.session-token.0=a; next-auth.session-token.1=b; next-auth.csrf-token=x; xnext-auth.session-token=y'
    expect(expiredSessionCookies(header)).toEqual([
      'next-auth.session-token.0=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax',
      'next-auth.session-token.1=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax',
    ])
    expect(expiredSessionCookies('next-auth.session-token=a')).toEqual(['next-auth.session-token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax'])
    // The whole cookie and a stray chunk left from an earlier, larger session: both go.
    expect(expiredSessionCookies('next-auth.session-token=a; next-auth.session-token.0=b')).toEqual([
      'next-auth.session-token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax',
      'next-auth.session-token.0=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax',
    ])
  })

  it('expires the plain name when the request carried none', () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000'
    for (const header of [undefined, '', 'theme=dark']) {
      expect(expiredSessionCookies(header)).toEqual(['next-auth.session-token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax'])
    }
  })

  it('over https: the __Secure- cookies, with Secure (a browser ignores a __Secure- cookie set without it)', () => {
    process.env.NEXTAUTH_URL = 'https://lab.example'
    expect(expiredSessionCookies('next-auth.session-token=plain; __Secure-next-auth.session-token=s')).toEqual([
      '__Secure-next-auth.session-token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure',
    ])
    expect(expiredSessionCookies(undefined)).toEqual(['__Secure-next-auth.session-token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure'])
  })
})
