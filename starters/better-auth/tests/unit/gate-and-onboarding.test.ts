// The two places the Better Auth starter decides who gets through and who writes, through the app's real Better
// Auth instance (src/server/better-auth/config.ts) on a real PGlite database: the onboarding gate (src/proxy.ts)
// and the onboarding write (src/server/onboarding.ts). The session cookies are the ones Better Auth sets at sign-up.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateDatabase } from '../../scripts/migrate.mjs'

const dataDir = mkdtempSync(path.join(tmpdir(), 'better-auth-gate-'))
let auth: typeof import('~/server/better-auth/config').auth
let proxy: typeof import('~/proxy').proxy
let matcher: string[]
let completeOnboarding: typeof import('~/server/onboarding').completeOnboarding
let POST: typeof import('~/app/api/onboarding/complete/route').POST

beforeAll(async () => {
  Object.assign(process.env, { DATA_DIR: dataDir, BETTER_AUTH_SECRET: 'gate-test-secret-'.repeat(3), BETTER_AUTH_URL: 'http://localhost:3998' })
  await migrateDatabase({ DATA_DIR: dataDir })
  ;({ auth } = await import('~/server/better-auth/config'))
  ;({ proxy, config: { matcher } } = await import('~/proxy'))
  ;({ completeOnboarding } = await import('~/server/onboarding'))
  ;({ POST } = await import('~/app/api/onboarding/complete/route'))
}, 120_000) // PGlite's first start and the migrations: seconds on a busy machine
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

/** Signs a new user up; its cookies (the session token and the cookie cache) as a Cookie header. */
async function signUp(email: string) {
  const { headers, response } = await auth.api.signUpEmail({ body: { email, password: 'correct horse battery', name: 'N' }, returnHeaders: true })
  const cookie = headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  return { userId: response.user.id, cookie }
}
const only = (cookie: string, name: string) => cookie.split('; ').filter((c) => c.includes(name)).join('; ')
const row = async (id: string) => (await (await auth.$context).internalAdapter.findUserById(id)) as { onboardingStep: string } | null
const revoke = async (userId: string) => (await auth.$context).internalAdapter.deleteUserSessions(userId)
const visit = (pathname: string, cookie?: string) =>
  proxy(new NextRequest(`http://localhost:3998${pathname}`, { headers: cookie ? { cookie } : {} }))

describe('completeOnboarding (the route and the server action)', () => {
  it('advances the signed-in user’s row and answers with the fresh user', async () => {
    const { userId, cookie } = await signUp('ada@example.com')
    expect((await row(userId))?.onboardingStep).toBe('INITIAL')
    expect(await completeOnboarding(new Headers({ cookie }))).toMatchObject({ id: userId, onboardingStep: 'COMPLETED' })
    expect((await row(userId))?.onboardingStep).toBe('COMPLETED')
  })

  it('no session: null, and nothing written', async () => {
    expect(await completeOnboarding(new Headers())).toBeNull()
  })

  it('a session revoked elsewhere writes nothing, though its cookie cache is still fresh', async () => {
    const { userId, cookie } = await signUp('revoked@example.com')
    await revoke(userId)
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).not.toBeNull() // the cache alone still says yes
    expect(await completeOnboarding(new Headers({ cookie }))).toBeNull()
    expect((await row(userId))?.onboardingStep).toBe('INITIAL')
  })
})

describe('the onboarding gate (src/proxy.ts)', () => {
  it('runs on /dashboard and /onboarding and everything under them, nowhere else', async () => {
    // Next's own matcher test (its experimental testing helpers), typed, in both this starter's Next and the site's.
    const { unstable_doesMiddlewareMatch } = await import('next/experimental/testing/server')
    const gated = (p: string) => unstable_doesMiddlewareMatch({ config: { matcher }, url: `http://localhost:3998${p}` })
    for (const p of ['/dashboard', '/dashboard/a/b', '/onboarding', '/onboarding/x']) expect(gated(p), p).toBe(true)
    for (const p of ['/', '/signin', '/api/onboarding/complete', '/dashboards']) expect(gated(p), p).toBe(false)
  })

  it('no session: to /signin, with the page it asked for (path and query) as callbackUrl', async () => {
    for (const p of ['/dashboard?tab=a', '/onboarding']) {
      const res = await visit(p)
      expect(res.status, p).toBe(307)
      expect(res.headers.get('location'), p).toBe(`http://localhost:3998/signin?callbackUrl=${encodeURIComponent(p)}`)
    }
  })

  it('a user still onboarding: /onboarding passes, /dashboard sends them to /onboarding', async () => {
    const { cookie } = await signUp('new@example.com')
    expect((await visit('/onboarding', cookie)).headers.get('x-middleware-next')).toBe('1')
    const res = await visit('/dashboard/x', cookie)
    expect(res.headers.get('location')).toBe('http://localhost:3998/onboarding')
  })

  it('a cache saying "not yet" is checked against the database: a finished user passes, and gets a fresh cache', async () => {
    const { cookie } = await signUp('done@example.com')
    await completeOnboarding(new Headers({ cookie })) // the row says COMPLETED; the browser's cache still says INITIAL
    const res = await visit('/dashboard', cookie)
    expect(res.headers.get('x-middleware-next')).toBe('1')
    expect(res.headers.get('location')).toBeNull()
    // The re-warmed cache goes to the browser and to the page rendered behind this request.
    expect(res.headers.getSetCookie().some((c) => c.includes('session_data='))).toBe(true)
    expect(res.headers.get('x-middleware-override-headers')).toContain('cookie')
    // With that fresh cache, the next visit passes on the cookie alone: no database query, nothing re-issued.
    const warmed = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const { queryCount } = await import('~/server/db/connect.mjs')
    const before = queryCount()
    const again = await visit('/dashboard', `${only(cookie, 'session_token')}; ${warmed}`)
    expect([again.headers.get('x-middleware-next'), again.headers.getSetCookie(), queryCount() - before]).toEqual(['1', [], 0])
  })

  it('a cold cache on a revoked session: to /signin; the session token alone is checked against the database', async () => {
    const { userId, cookie } = await signUp('gone@example.com')
    const token = only(cookie, 'session_token')
    expect((await visit('/onboarding', token)).headers.get('x-middleware-next')).toBe('1')
    await revoke(userId)
    expect((await visit('/onboarding', token)).headers.get('location')).toMatch(/^http:\/\/localhost:3998\/signin\?callbackUrl=/)
  })
})

describe('POST /api/onboarding/complete (the route)', () => {
  const post = (body: string, headers: Record<string, string>) =>
    POST(new Request('http://localhost:3998/api/onboarding/complete', { method: 'POST', body, headers: { origin: 'http://localhost:3998', ...headers } }))
  const answer = async (res: Response) => [res.status, (await res.json()) as Record<string, unknown>] as const

  it('JSON from this origin with the session cookie: 200, the row advanced', async () => {
    const { userId, cookie } = await signUp('route@example.com')
    for (const body of ['{}', '{"strategy":"response"}', '']) {
      expect(await answer(await post(body, { 'content-type': 'application/json; charset=utf-8', cookie })), body).toEqual([200, { user: { email: 'route@example.com', onboardingStep: 'COMPLETED' } }])
    }
    expect((await row(userId))?.onboardingStep).toBe('COMPLETED')
  })

  it('refuses, each with its status and reason, and writes nothing: a form, another origin, too big, not JSON, any other field, no session', async () => {
    const { userId, cookie } = await signUp('refused@example.com')
    const json = { 'content-type': 'application/json', cookie }
    const cases: [string, Record<string, string>, number, RegExp][] = [
      ['{}', { 'content-type': 'text/plain', cookie }, 415, /^Send Content-Type: application\/json\.$/],
      ['{}', { 'content-type': 'application/jsonx', cookie }, 415, /^Send Content-Type/],
      ['{}', { cookie }, 415, /^Send Content-Type/], // a string body is sent as text/plain
      ['{}', { 'content-type': 'text/plain; application/json', cookie }, 415, /^Send Content-Type/],
      ['{}', { ...json, origin: 'http://evil.example' }, 403, /^Requests from http:\/\/evil\.example are refused/],
      [' '.repeat(4097), json, 413, /^The body is over 4096 bytes\.$/],
      ['{', json, 400, /^The body is not JSON\.$/],
      ['{"onboardingStep":"COMPLETED"}', json, 400, /^Only \{\} or \{ "strategy": "response" \} is accepted: /],
      ['{"strategy":"redirect"}', json, 400, /^Only \{\}/],
      ['{}', { 'content-type': 'application/json' }, 401, /^Not signed in\.$/],
    ]
    for (const [body, headers, status, error] of cases) {
      const [got, json] = await answer(await post(body, headers))
      expect([got, json.error], `${status} ${body.slice(0, 20)}`).toEqual([status, expect.stringMatching(error)])
    }
    // No Content-Type at all (a byte body carries none).
    const bare = new Request('http://localhost:3998/api/onboarding/complete', { method: 'POST', body: new TextEncoder().encode('{}'), headers: { origin: 'http://localhost:3998', cookie } })
    expect(bare.headers.get('content-type')).toBeNull()
    expect((await POST(bare)).status).toBe(415)
    expect((await row(userId))?.onboardingStep).toBe('INITIAL')
    // 4096 bytes exactly is not too big (whitespace around {} is still JSON).
    expect((await post(`{}${' '.repeat(4094)}`, json)).status).toBe(200)
    expect((await row(userId))?.onboardingStep).toBe('COMPLETED')
  })
})
