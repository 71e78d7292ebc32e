// The auth config in process, against next-auth's real handlers and a real database (PGlite in a temp DATA_DIR):
// the race guard, the session cookie's name, GitHub linking.
import { decode, encode } from '@auth/core/jwt'
import { beforeAll, describe, expect, it } from 'vitest'
import { Browser, ORIGIN, setUp } from './support/in-process'
import { TEST_SECRET } from './support/server'

let handlers: ConstructorParameters<typeof Browser>[0]
let app: {
  completeOnboarding: typeof import('~/server/onboarding').completeOnboarding
  queryCount: typeof import('~/server/db').queryCount
  users: typeof import('~/server/db/users')
  cookieName: typeof import('~/server/auth/cookie-name')
  github: typeof import('~/server/auth/github-link')
  currentCaller: typeof import('~/server/auth/caller').currentCaller
}

beforeAll(async () => {
  await setUp()
  ;({ handlers } = (await import('~/server/auth')) as never)
  app = {
    completeOnboarding: (await import('~/server/onboarding')).completeOnboarding,
    queryCount: (await import('~/server/db')).queryCount,
    users: await import('~/server/db/users'),
    cookieName: await import('~/server/auth/cookie-name'),
    github: await import('~/server/auth/github-link'),
    currentCaller: (await import('~/server/auth/caller')).currentCaller,
  }
})

const COOKIE = 'authjs.session-token'
const claims = async (value: string, name = COOKIE) => (await decode({ token: value, secret: TEST_SECRET, salt: name }))!

describe('the race guard in the jwt callback', () => {
  it('a session read that set off before the update, answered after it, hands back the NEW claims', async () => {
    const browser = new Browser(handlers)
    await browser.signInDev('race@example.com')
    const before = browser.jar.get(COOKIE)!
    const token = await claims(before)
    expect(token.onboardingStep).toBe('INITIAL')

    // The slow request (polling, refetchOnWindowFocus, another tab): it carries the cookie as it was before...
    const slow = new Browser(handlers)
    slow.jar.set(COOKIE, before)
    // ...the mutation and update() run meanwhile (GET csrf + POST /api/auth/session) and set the new cookie...
    await app.completeOnboarding({ id: token.sub!, sid: token.sid! }, {})
    const { csrfToken } = (await (await browser.request('/api/auth/csrf')).json()) as { csrfToken: string }
    await browser.request('/api/auth/session', { json: { csrfToken, data: {} } })
    expect((await claims(browser.jar.get(COOKIE)!)).onboardingStep).toBe('COMPLETED')
    // ...then the slow read is answered: it must not write INITIAL back over the new cookie.
    expect((await slow.session())?.user?.onboardingStep).toBe('COMPLETED')
    expect((await claims(slow.jar.get(COOKIE)!)).onboardingStep).toBe('COMPLETED')
  })

  it('another session of the same user keeps its claims until it is itself updated (the guard is per session)', async () => {
    const laptop = new Browser(handlers)
    const phone = new Browser(handlers)
    await laptop.signInDev('two-devices@example.com')
    await phone.signInDev('two-devices@example.com')
    const token = await claims(laptop.jar.get(COOKIE)!)
    await app.completeOnboarding({ id: token.sub!, sid: token.sid! }, {})
    const { csrfToken } = (await (await laptop.request('/api/auth/csrf')).json()) as { csrfToken: string }
    await laptop.request('/api/auth/session', { json: { csrfToken, data: {} } })
    expect((await laptop.session())?.user?.onboardingStep).toBe('COMPLETED')
    expect((await phone.session())?.user?.onboardingStep).toBe('INITIAL')
  })

  it('a read that races nothing costs no database query (the gate reads only the token)', async () => {
    const browser = new Browser(handlers)
    await browser.signInDev('no-race@example.com')
    const queries = app.queryCount()
    for (let i = 0; i < 5; i++) expect((await browser.session())?.user?.onboardingStep).toBe('INITIAL')
    expect(app.queryCount() - queries).toBe(0)
  })
})

describe('the session cookie’s name, as Auth.js derives it', () => {
  const headers = (h: Record<string, string>) => new Headers(h)

  it('follows the request: http → authjs.session-token; X-Forwarded-Proto https → __Secure-authjs.session-token', async () => {
    expect(app.cookieName.sessionCookieName(headers({ host: 'localhost:3000', 'x-forwarded-proto': 'http' }))).toBe(COOKIE)
    expect(app.cookieName.sessionCookieName(headers({ host: 'app.example', 'x-forwarded-proto': 'https' }))).toBe(`__Secure-${COOKIE}`)
    expect(app.cookieName.sessionCookieName(headers({ host: 'app.example', 'x-forwarded-host': 'public.example', 'x-forwarded-proto': 'https' }))).toBe(`__Secure-${COOKIE}`)
    expect(app.cookieName.sessionCookieName(headers({ host: 'app.example', 'x-forwarded-proto': 'https' }), { useSecureCookies: false })).toBe(COOKIE)
  })

  it('follows AUTH_URL when set, whatever the request says', () => {
    process.env.AUTH_URL = 'https://app.example'
    try {
      expect(app.cookieName.sessionCookieName(headers({ host: 'localhost:3000', 'x-forwarded-proto': 'http' }))).toBe(`__Secure-${COOKIE}`)
      expect(app.cookieName.sessionCookieName(headers({}), { url: 'http://localhost:3000/api/onboarding/complete' })).toBe(`__Secure-${COOKIE}`)
    } finally {
      delete process.env.AUTH_URL
    }
  })

  it('is the name next-auth’s own handler sets, over http and over https', async () => {
    for (const [origin, proto] of [[ORIGIN, 'http'], ['https://app.example', 'https']] as const) {
      const browser = new Browser(handlers, origin, { 'x-forwarded-proto': proto, host: new URL(origin).host })
      await browser.signInDev(`name-${proto}@example.com`)
      const expected = app.cookieName.sessionCookieName(headers({ host: new URL(origin).host, 'x-forwarded-proto': proto }))
      expect([...browser.jar.keys()].filter((n) => n.includes('session-token'))).toEqual([expected])
      // and the caller is read back from it
      expect(app.cookieName.sessionCookieName(headers({}), { url: `${origin}/api/auth/session` })).toBe(expected)
      const caller = await app.currentCaller(headers({ host: new URL(origin).host, 'x-forwarded-proto': proto, cookie: browser.cookieHeader() }))
      expect(caller?.id).toEqual(expect.any(String))
    }
  })

  it('reads a chunked cookie (.0, .1) and lists every chunk for deletion', async () => {
    const user = await app.users.upsertUserByEmail('chunks@example.com')
    const name = `__Secure-${COOKIE}`
    const big = await encode({ token: { sub: user.id, sid: 'sid-1', padding: 'x'.repeat(6000) }, secret: TEST_SECRET, salt: name })
    const cookie = `${name}.0=${big.slice(0, 3900)}; ${name}.1=${big.slice(3900)}; other=1`
    const h = headers({ host: 'app.example', 'x-forwarded-proto': 'https', cookie })
    expect(app.cookieName.sessionCookieParts(h)).toEqual([`${name}.0`, `${name}.1`])
    expect(await app.currentCaller(h)).toEqual({ id: user.id, sid: 'sid-1' })
    // Over http the same cookies are not the session: Auth.js would not read them either.
    expect(await app.currentCaller(headers({ host: 'app.example', 'x-forwarded-proto': 'http', cookie }))).toBeNull()
  })
})

describe('the mutation route when the user row is gone', () => {
  it('answers 401 and deletes the session cookie, every chunk, under the name Auth.js gave it', async () => {
    const { POST } = await import('~/app/api/onboarding/complete/route')
    const { db } = await import('~/server/db')
    const { users } = await import('~/server/db/schema')
    const { eq } = await import('drizzle-orm')
    const user = await app.users.upsertUserByEmail('gone@example.com')
    const name = `__Secure-${COOKIE}`
    const big = await encode({ token: { sub: user.id, sid: 'sid-gone', padding: 'x'.repeat(6000) }, secret: TEST_SECRET, salt: name })
    await db.delete(users).where(eq(users.id, user.id))
    const res = await POST(
      new Request('https://app.example/api/onboarding/complete', {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json', host: 'app.example', 'x-forwarded-proto': 'https', cookie: `${name}.0=${big.slice(0, 3900)}; ${name}.1=${big.slice(3900)}` },
      }),
    )
    expect(res.status).toBe(401)
    expect((await res.json()).error).toMatch(/no longer exists/)
    const deleted = res.headers.getSetCookie()
    expect(deleted.map((c) => c.split('=')[0])).toEqual([`${name}.0`, `${name}.1`])
    for (const c of deleted) expect(c).toMatch(/Max-Age=0.*Secure|Secure.*Max-Age=0/i)
  })
})

describe('GitHub linking: never by an address GitHub has not verified', () => {
  const emails = (list: [string, boolean, boolean][]) => list.map(([email, primary, verified]) => ({ email, primary, verified }))

  it('refuses an existing user’s address unless it is GitHub’s verified primary, then links it', async () => {
    const alice = await app.users.upsertUserByEmail('alice@example.com')
    const { linkGithubSignIn } = app.github
    expect(await linkGithubSignIn({ githubId: 'gh-1', profileEmail: 'alice@example.com', emails: emails([['alice@example.com', true, false]]) })).toEqual({ refused: 'GithubEmailUnverified' })
    expect(await linkGithubSignIn({ githubId: 'gh-1', profileEmail: 'alice@example.com', emails: emails([['alice@example.com', false, true], ['other@example.com', true, true]]) })).toEqual({ refused: 'GithubEmailUnverified' })
    expect(await linkGithubSignIn({ githubId: 'gh-1', profileEmail: 'alice@example.com', emails: [] })).toEqual({ refused: 'GithubEmailUnverified' })
    expect((await app.users.findUserById(alice.id))?.githubId).toBeNull()

    const linked = await linkGithubSignIn({ githubId: 'gh-1', profileEmail: 'alice@example.com', emails: emails([['alice@example.com', true, true]]) })
    expect('user' in linked && linked.user.id).toBe(alice.id)
    expect((await app.users.findUserById(alice.id))?.githubId).toBe('gh-1')
    // Found again by the account id, whatever the emails say now.
    const again = await linkGithubSignIn({ githubId: 'gh-1', profileEmail: null, emails: [] })
    expect('user' in again && again.user.id).toBe(alice.id)
    // Another GitHub account with the same verified address does not take it over.
    expect(await linkGithubSignIn({ githubId: 'gh-2', profileEmail: 'alice@example.com', emails: emails([['alice@example.com', true, true]]) })).toEqual({ refused: 'GithubEmailTaken' })
  })

  it('a new GitHub user gets a row holding the verified address only, never an unverified one', async () => {
    const { linkGithubSignIn } = app.github
    const verified = await linkGithubSignIn({ githubId: 'gh-3', name: 'Bob', profileEmail: 'bob@example.com', emails: emails([['bob@example.com', true, true]]) })
    expect('user' in verified && [verified.user.email, verified.user.githubId, verified.user.onboardingStep]).toEqual(['bob@example.com', 'gh-3', 'INITIAL'])
    const unverified = await linkGithubSignIn({ githubId: 'gh-4', profileEmail: 'carol@example.com', emails: emails([['carol@example.com', true, false]]) })
    expect('user' in unverified && unverified.user.email).toBeNull()
    // so carol@example.com stays free for whoever proves it
    expect(await app.users.findUserByEmail('carol@example.com')).toBeNull()
  })

  it('reads the verified primary from GitHub’s /user/emails answer', async () => {
    const answer = emails([['old@example.com', false, true], ['main@example.com', true, true]])
    const seen: string[] = []
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen.push(`${url} ${(init.headers as Record<string, string>).Authorization}`)
      return Response.json(answer)
    }) as typeof fetch
    const list = await app.github.fetchGithubEmails('token-1', fetchImpl)
    expect(seen).toEqual(['https://api.github.com/user/emails Bearer token-1'])
    expect(app.github.primaryVerifiedEmail(list)).toBe('main@example.com')
    expect(app.github.primaryVerifiedEmail(emails([['main@example.com', true, false]]))).toBeNull()
    expect(await app.github.fetchGithubEmails('bad', (async () => new Response('{}', { status: 401 })) as typeof fetch)).toEqual([])
  })
})
