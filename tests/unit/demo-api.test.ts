// The demo's API routes (pages/api/**) in process: Next.js's API resolver, next-auth's real handler, a real
// SQLite file. The same attacks as the integration project, in milliseconds and with no build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueTicket } from '@/demo/tickets'
import { findUser } from '@/demo/users'
import { Client } from '../support/client'
import { startApiServer, type ApiServer } from '../support/api-server'
import { FORGED_ADMIN } from '../support/forged'
import { sessionCookie } from '../support/demo-session'

let server: ApiServer
const client = () => new Client(server.url)
async function guest(name = 'Ada') {
  const c = client()
  await c.signInGuest(name)
  return c
}

beforeAll(async () => {
  server = await startApiServer()
  // The first request loads next-auth and the routes: not part of any test's time.
  await Promise.all(['/api/auth/csrf', '/api/demo/token', '/api/demo/onboarding/reset'].map((path) => client().request(path)))
}, 60_000)
afterAll(async () => {
  await server?.close()
})

describe('sign-in and the hardened provider, over HTTP', () => {
  it('a guest completes onboarding, and the ticket from the answer updates the session once', async () => {
    const c = await guest()
    const done = await c.complete({ goal: 'ship' })
    expect(done.status).toBe(200)
    expect(done.headers.get('cache-control')).toBe('no-store')
    expect(done.json.user).toEqual({ id: expect.any(String), name: 'Ada', role: 'reader', onboardingStep: 'COMPLETED', goal: 'ship', version: 2 })
    const applied = await c.callback('session-update', { ticket: done.json.ticket })
    expect(applied.status).toBe(200)
    expect(await c.claims()).toMatchObject({ onboardingStep: 'COMPLETED', ver: 2, mintedBy: 'session-update', signedInWith: 'demo' })
    const replay = await c.callback('session-update', { ticket: done.json.ticket })
    expect(replay.status).toBe(401)
    // A code, not prose: the client takes it as "already applied" (another tab, or this ticket twice).
    expect(replay.error).toBe('TicketAlreadyApplied')
  })

  it('a ticket is refused for another user’s session and without a session', async () => {
    const [alice, bob] = [await guest('Alice'), await guest('Bob')]
    const { ticket } = (await alice.complete()).json
    const stolen = await bob.callback('session-update', { ticket })
    expect(stolen.status).toBe(401)
    expect(stolen.error).toBe('This ticket was issued to another user.')
    expect(await bob.claims()).toMatchObject({ onboardingStep: 'INITIAL' })
    const anonymous = client()
    const none = await anonymous.callback('session-update', { ticket })
    expect(none.status).toBe(401)
    expect(none.error).toMatch(/^No current session/)
    expect(await anonymous.session()).toEqual({})
  })

  it('user JSON sent to the hardened provider mints nothing', async () => {
    const anonymous = client()
    const reply = await anonymous.callback('session-update', { user: JSON.stringify(FORGED_ADMIN) })
    expect(reply.status).toBe(401)
    expect(await anonymous.session()).toEqual({})
  })

  it('a guest name is required; a refusal sets no cookie', async () => {
    const c = client()
    const reply = await c.callback('demo', { name: ' ' })
    expect(reply.status).toBe(401)
    expect(reply.error).toBe('Enter a display name.')
    expect([...c.jar.keys()].filter((k) => k.includes('session-token'))).toEqual([])
  })
})

describe('update() (trigger "update")', () => {
  it('takes the row, never the client’s data', async () => {
    const c = await guest()
    const held = await c.update({ role: 'admin', onboardingStep: 'COMPLETED' })
    expect(held.status).toBe(200)
    expect(held.json.user).toMatchObject({ role: 'reader', onboardingStep: 'INITIAL' })
    await c.complete()
    expect((await c.update()).json.user).toMatchObject({ role: 'reader', onboardingStep: 'COMPLETED' })
  })
})

describe('the naive provider (deliberately vulnerable)', () => {
  it('mints whatever the caller describes, labelled as such', async () => {
    const attacker = client()
    const reply = await attacker.callback('session-update-naive', { user: JSON.stringify(FORGED_ADMIN) })
    expect(reply.status).toBe(200)
    expect(await attacker.claims()).toMatchObject({ sub: 'admin-0001', role: 'admin', mintedBy: 'session-update-naive' })
  })

  it('an oversized user is refused by the cookie budget, with a 401 and a message', async () => {
    const c = client()
    const reply = await c.callback('session-update-naive', { user: JSON.stringify({ ...FORGED_ADMIN, name: 'x'.repeat(3500) }) })
    expect(reply.status).toBe(401)
    expect(reply.error).toMatch(/^Refused: this session would need a \d+-byte cookie/)
    expect(await c.session()).toEqual({})
  })

  it('a session it minted (for any user, real or not) cannot mutate: 403 with a message', async () => {
    const c = client()
    await c.callback('session-update-naive', { user: JSON.stringify({ ...FORGED_ADMIN, id: 'nobody' }) })
    const reply = await c.complete()
    expect(reply.status).toBe(403)
    expect(reply.json.error).toMatch(/minted by the naive, vulnerable provider/)
  })
})

describe('the mutation endpoints', () => {
  it('need a session: 401', async () => {
    for (const path of ['/api/demo/onboarding/complete', '/api/demo/onboarding/reset']) {
      const reply = await client().request(path, { method: 'POST', body_json: {} })
      expect(reply.status, path).toBe(401)
      expect(reply.json.error).toBe('Sign in first: this endpoint changes the signed-in user.')
    }
  })

  it('take POST only: 405 with Allow', async () => {
    const c = await guest()
    const reply = await c.request('/api/demo/onboarding/complete')
    expect(reply.status).toBe(405)
    expect(reply.headers.get('allow')).toBe('POST')
    expect(reply.json.error).toBe('Use POST.')
  })

  it('take JSON only (415), validated (400 naming the field), and write nothing on refusal', async () => {
    const c = await guest()
    const id = (await c.claims())!.sub
    const form = await c.request('/api/demo/onboarding/complete', { method: 'POST', form: { goal: 'ship' } })
    expect(form.status).toBe(415)
    expect(form.json.error).toBe('Send the body as application/json.')
    const bad = await c.complete({ goal: 'rule' })
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatch(/^Invalid body at goal: /)
    const extra = await c.complete({ goal: 'ship', role: 'admin' })
    expect(extra.status).toBe(400)
    expect(extra.json.error).toMatch(/^Invalid body: /)
    const resetExtra = await c.request('/api/demo/onboarding/reset', { method: 'POST', body_json: { x: 1 } })
    expect(resetExtra.status).toBe(400)
    expect(findUser(id)).toMatchObject({ onboardingStep: 'INITIAL', version: 1, goal: null })
  })

  it('an empty body counts as {} when sent as JSON (the default goal), and is a 415 without the JSON type', async () => {
    const c = await guest()
    const bare = await c.request('/api/demo/onboarding/complete', { method: 'POST' })
    expect(bare.status).toBe(415)
    const reply = await c.request('/api/demo/onboarding/complete', { method: 'POST', headers: { 'content-type': 'application/json' } })
    expect(reply.status).toBe(200)
    expect(reply.json.user).toMatchObject({ goal: 'learn', version: 2 })
  })

  it('reset writes the row back and answers a ticket that takes the session back', async () => {
    const c = await guest()
    const { ticket } = (await c.complete()).json
    await c.callback('session-update', { ticket })
    const reset = await c.reset()
    expect(reset.status).toBe(200)
    expect(reset.json.user).toMatchObject({ onboardingStep: 'INITIAL', goal: null, version: 3 })
    expect((await c.callback('session-update', { ticket: reset.json.ticket })).status).toBe(200)
    expect(await c.claims()).toMatchObject({ onboardingStep: 'INITIAL', ver: 3 })
  })

  it('every answer says how many database reads it made', async () => {
    const c = await guest()
    const done = await c.complete()
    expect(done.headers.get('x-db-reads')).toBe('0')
    expect(done.headers.get('server-timing')).toMatch(/^db-reads;desc="0", app;dur=\d+\.\d\d$/)
    expect((await c.update()).headers.get('x-db-reads')).toBe('1')
  })
})

describe('the one-request strategy (strategy "response")', () => {
  it('answers the mutation with the new session cookie: COMPLETED with no request after it', async () => {
    const c = await guest()
    const before = c.log.length
    const done = await c.complete({ goal: 'ship', strategy: 'response' })
    expect(done.status).toBe(200)
    expect(done.headers.getSetCookie()).toEqual([expect.stringMatching(/^next-auth\.session-token=[^;]+; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/)])
    expect(done.json.user).toMatchObject({ onboardingStep: 'COMPLETED', version: 2 })
    expect(c.log.length).toBe(before + 1)
    expect(await c.claims()).toMatchObject({ onboardingStep: 'COMPLETED', ver: 2 })
  })

  it('any other strategy leaves the cookie to the browser’s own update', async () => {
    const c = await guest()
    for (const strategy of ['ticket', 'update', undefined]) {
      const reply = await c.request('/api/demo/onboarding/reset', { method: 'POST', body_json: strategy ? { strategy } : {} })
      expect(reply.status).toBe(200)
      expect(reply.headers.getSetCookie()).toEqual([])
    }
  })

  it('answers 413, and sets no cookie, when the re-issued session would not fit one cookie', async () => {
    const c = await guest()
    const claims = (await c.claims())!
    const big = new Client(server.url)
    const cookie = await sessionCookie({ ...claims, padding: 'x'.repeat(3500) })
    const reply = await big.request('/api/demo/onboarding/complete', { method: 'POST', body_json: { strategy: 'response' }, headers: { cookie } })
    expect(reply.status).toBe(413)
    expect(reply.json.error).toMatch(/one cookie/)
    expect(reply.headers.getSetCookie()).toEqual([])
  })

  it('answers 400 with a message, not 500, when the browser holds a session chunk under a name Set-Cookie cannot carry', async () => {
    const c = await guest()
    // next-auth joins it (empty) into the session, which still decodes; no Set-Cookie line can expire that name.
    c.jar.set('next-auth.session-token.0(x)', '')
    const reply = await c.complete({ strategy: 'response' })
    expect(reply.status).toBe(400)
    expect(reply.json.error).toMatch(/cookie named "next-auth\.session-token\.0\(x\)".*clear this site's cookies/)
    expect(reply.headers.getSetCookie()).toEqual([])
  })

  it('refuses a session with no session id (minted before sids): 401, nothing written', async () => {
    const c = await guest()
    const { sub, name, ver } = (await c.claims())!
    const noSid = new Client(server.url)
    const cookie = await sessionCookie({ sub, name, role: 'reader', onboardingStep: 'INITIAL', ver })
    const reply = await noSid.request('/api/demo/onboarding/complete', { method: 'POST', body_json: {}, headers: { cookie } })
    expect(reply.status).toBe(401)
    expect(reply.json.error).toBe('Your session predates session ids: sign out and in again.')
    expect(findUser(sub)).toMatchObject({ onboardingStep: 'INITIAL', version: 1 })
  })
})

describe('GET /api/demo/token', () => {
  it('shows the caller’s own decoded token and cookie, uncacheable', async () => {
    const c = await guest('Tok')
    const reply = await c.request('/api/demo/token')
    expect(reply.status).toBe(200)
    expect(reply.headers.get('cache-control')).toBe('no-store')
    expect(reply.json).toMatchObject({ signedIn: true, claims: { name: 'Tok', mintedBy: 'demo' }, cookie: { name: 'next-auth.session-token', chunks: 1 } })
    expect(reply.json.cookie.value).toBe(c.jar.get('next-auth.session-token'))
  })

  it('signed out: nothing, and a cookie that does not decrypt is not shown', async () => {
    expect((await client().request('/api/demo/token')).json).toEqual({ signedIn: false, claims: null, cookie: null })
    const c = client()
    c.jar.set('next-auth.session-token', 'garbage')
    expect((await c.request('/api/demo/token')).json).toEqual({ signedIn: false, claims: null, cookie: null })
  })

  it('takes GET only', async () => {
    const reply = await client().request('/api/demo/token', { method: 'POST' })
    expect(reply.status).toBe(405)
    expect(reply.headers.get('allow')).toBe('GET')
  })
})

describe('tickets the browser cannot make', () => {
  it('an expired-looking or higher-version ticket for the caller is checked, not trusted', async () => {
    const c = await guest()
    const { sub: id, sid } = (await c.claims())!
    const forged = await issueTicket({ ...findUser(id)!, role: 'admin', version: 9 }, sid)
    // Signed by the server's own key (a leak of the key is the only way to get here): accepted, and this is why the key matters.
    expect((await c.callback('session-update', { ticket: forged })).status).toBe(200)
    expect(await c.claims()).toMatchObject({ role: 'admin', ver: 9 })
  })
})
