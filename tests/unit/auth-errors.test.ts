// Finding 7 (smaller): /api/auth/error answers 4xx, never 500, for any `error`; only next-auth's codes are passed
// on (and named by the sign-in page); guest names are printable text.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { AUTH_ERROR_MESSAGES, knownAuthError } from '@/demo/auth-errors'
import { displayName } from '@/demo/providers/guest'
import { Client } from '../support/client'
import { startApiServer, type ApiServer } from '../support/api-server'

// Each test drives next-auth's real handler over HTTP (several requests, JWE encryption): seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

let server: ApiServer
beforeAll(async () => {
  server = await startApiServer()
}, 60_000)
afterAll(() => server?.close())

describe('/api/auth/error', () => {
  it.each(['%C4%80', '%E2%80%AE', 'Hello%20world', '%00', '<script>', 'x'.repeat(3000)])('answers 400, not 500, for error=%s', async (value) => {
    const reply = await new Client(server.url).request(`/api/auth/error?error=${value}`)
    expect(reply.status).toBe(400)
    expect(reply.json.error).toMatch(/Unknown error code/)
  })

  it('passes next-auth’s own codes on to the sign-in page', async () => {
    const reply = await new Client(server.url).request('/api/auth/error?error=AccessDenied')
    expect(reply.status).toBe(302)
    expect(reply.location).toBe(`${server.url}/demo?error=AccessDenied`)
    expect((await new Client(server.url).request('/api/auth/error?error=configuration')).status).toBe(302)
  })

  it('checks only GET /api/auth/error: without a code, or on any other route, next-auth answers as usual', async () => {
    const c = new Client(server.url)
    const bare = await c.request('/api/auth/error')
    expect(bare.status).toBe(302)
    expect(new URL(bare.location!).pathname).toBe('/demo')
    expect((await c.request('/api/auth/session?error=%C4%80')).status).toBe(200)
    expect((await c.request('/api/auth/csrf?error=Hello%20world')).status).toBe(200)
    // A POST to /error is next-auth's to refuse (an action it does not take by POST), not the guard's.
    expect((await c.request('/api/auth/error?error=Hello%20world', { method: 'POST' })).text).not.toMatch(/Unknown error code/)
  })
})

describe('the guard in front of next-auth acts on its own cases only', () => {
  it('a cross-site GET is answered as usual (the same-origin check is for POSTs); only a credentials callback refuses GET', async () => {
    const c = new Client(server.url)
    const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
    for (const path of ['/api/auth/session', '/api/auth/csrf', '/api/auth/providers']) expect((await c.request(path, { headers: crossSite })).status, path).toBe(200)
    // The guest provider's sign-in route and a callback of a provider that is not credentials: next-auth's answer, no 405.
    for (const path of ['/api/auth/signin/demo', '/api/auth/callback/github']) expect((await c.request(path)).status, path).not.toBe(405)
    expect((await c.request('/api/auth/callback/demo')).status).toBe(405)
  })
})

describe('a session chunk under a name no Set-Cookie can carry', () => {
  // next-auth expires every cookie it reads as a session chunk when it writes the session; Node's serializer throws
  // on such a name, which was a 500 on GET /api/auth/session (issue 22's attack pass).
  it.each(['next-auth.session-token.0(', 'next-auth.session-token.0é', 'next-auth.session-token.1 x'])('%s: 400 with the way out on every action, nothing minted', async (odd) => {
    const signedIn = new Client(server.url)
    await signedIn.signInGuest('Odd Cookie')
    const csrfToken = await signedIn.csrf()
    const cookie = `${signedIn.cookieHeader()}; ${odd}=abc`
    const asked = [
      ['/api/auth/session', { method: 'GET' }],
      ['/api/auth/session', { method: 'POST', body_json: { csrfToken, data: {} } }],
      ['/api/auth/signout', { method: 'POST', form: { csrfToken } }],
      ['/api/auth/callback/demo', { method: 'POST', form: { csrfToken, name: 'Another' } }],
    ] as const
    for (const [path, init] of asked) {
      const reply = await new Client(server.url).request(path, { ...init, headers: { cookie, origin: server.url } })
      expect(reply.status, `${init.method ?? 'GET'} ${path}`).toBe(400)
      expect(reply.json.error).toContain(`a cookie named ${JSON.stringify(odd)}`)
      expect(reply.headers.getSetCookie(), path).toEqual([])
    }
  })

  it('a chunk with an ordinary name is next-auth\'s to read: no 400', async () => {
    const c = new Client(server.url)
    expect((await c.request('/api/auth/session', { headers: { cookie: 'next-auth.session-token.0=abc' } })).status).toBe(200)
  })
})

describe('the sign-in page names known codes only', () => {
  it('maps codes case-insensitively and ignores any other text', () => {
    expect(knownAuthError('CredentialsSignin')).toBe('CredentialsSignin')
    expect(knownAuthError('configuration')).toBe('Configuration')
    for (const text of ['Your account was hacked: call +1 555', 'constructor', '__proto__', 'toString', undefined, ['AccessDenied']]) {
      expect(knownAuthError(text), String(text)).toBeUndefined()
    }
    expect(AUTH_ERROR_MESSAGES[knownAuthError('OAuthCallback')!]).toMatch(/GitHub/)
  })
})

describe('guest display names', () => {
  it.each([
    ['a right-to-left override', 'Ada\u202Egnp.exe'],
    ['a bidi isolate', '\u2067Ada'],
    ['a left-to-right mark', 'Ada\u200E'],
    ['a zero-width space', 'Ad\u200Ba'],
    ['a zero-width joiner', 'Ad\u200Da'],
    ['a byte-order mark inside', 'A\uFEFFda'],
    ['a NUL', 'Ada\u0000'],
    ['an escape sequence', '\u001b[31mAda'],
    ['a line separator', 'Ada\u2028Lovelace'],
    ['a private-use character', 'Ada\uE000'],
  ])('refuses %s', (_name, name) => {
    const parsed = displayName.safeParse(name)
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues[0].message).toMatch(/printable text only/)
  })

  it('keeps printable names in any script, emoji included', () => {
    for (const name of ['Ada Lovelace', 'Łukasz', 'محمد', '山田太郎', 'Zoë 👩🏽‍💻'.replace('\u200D', ''), "O'Brien-Smith"]) {
      expect(displayName.safeParse(name).success, name).toBe(true)
    }
  })

  it('is enforced by the guest provider over HTTP: 401 with the message, no session', async () => {
    const c = new Client(server.url)
    const reply = await c.callback('demo', { name: 'Ada\u202E' })
    expect(reply.status).toBe(401)
    expect(reply.error).toMatch(/printable text only/)
    expect(await c.session()).toEqual({})
  })
})
