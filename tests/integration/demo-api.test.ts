// The demo's HTTP contract, driven over HTTP against the production server and next-auth's real handler.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from '../support/client'
import { startServer, type TestServer } from '../support/server'
import { issueTicketAs } from '../support/tickets'

let server: TestServer
const client = () => new Client(server.url)

function row(id: string) {
  const db = new Database(join(server.dataDir, 'demo.sqlite'), { readonly: true })
  try {
    return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Record<string, any> | undefined
  } finally {
    db.close()
  }
}

function expectNoStackTrace(text: string) {
  expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/)
}

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server?.stop({ clean: true })
})

describe('guest sign-in (provider "demo")', () => {
  it('creates a user row per sign-in: same name, two users', async () => {
    const a = client()
    const b = client()
    await a.signInGuest('Twin')
    await b.signInGuest('Twin')
    const [sa, sb] = [await a.session(), await b.session()]
    expect(sa.user.id).not.toBe(sb.user.id)
    for (const s of [sa, sb]) {
      expect(s.user).toMatchObject({ name: 'Twin', role: 'reader', onboardingStep: 'INITIAL' })
      expect(s.mintedBy).toBe('demo')
      expect(row(s.user.id)).toMatchObject({ name: 'Twin', role: 'reader', onboarding_step: 'INITIAL', version: 1 })
    }
  })

  it('refuses an empty name with a message, and writes nothing', async () => {
    const c = client()
    const reply = await c.callback('demo', { name: '   ' })
    expect(reply.status).toBe(401)
    expect(reply.error).toBe('Enter a display name.')
    expect(await c.session()).toEqual({})
  })
})

describe('GitHub sign-in', () => {
  it('is offered only when GITHUB_ID and GITHUB_SECRET are set', async () => {
    expect(Object.keys((await client().request('/api/auth/providers')).json)).toEqual(['demo', 'session-update', 'session-update-naive', 'session-restore'])
    const withGithub = await startServer({ env: { GITHUB_ID: 'id', GITHUB_SECRET: 'secret' } })
    try {
      const providers = (await new Client(withGithub.url).request('/api/auth/providers')).json
      expect(providers.github).toMatchObject({ id: 'github', type: 'oauth' })
    } finally {
      await withGithub.stop({ clean: true })
    }
  })
})

describe('the onboarding gate (middleware)', () => {
  it('sends anonymous visitors to sign-in, keeping where they were going', async () => {
    const reply = await client().request('/demo/explore?tab=1')
    expect(reply.status).toBe(307)
    const to = new URL(reply.location!)
    expect(to.pathname).toBe('/demo')
    expect(to.searchParams.get('callbackUrl')).toBe('/demo/explore?tab=1')
    expect(reply.headers.get('cache-control')).toContain('no-store')
  })

  it('holds signed-in users at onboarding until the token says COMPLETED, without loops', async () => {
    const c = client()
    await c.signInGuest()
    const held = await c.request('/demo/explore')
    expect(held.status).toBe(307)
    expect(held.location).toContain('/demo/onboarding')
    expect(new URL(held.location!).searchParams.get('callbackUrl')).toBe('/demo/explore')
    expect((await c.request('/demo/onboarding')).status).toBe(200)
    expect((await c.request('/demo')).status).toBe(200)
    expect((await client().request('/demo')).status).toBe(200)
    const anonymousOnboarding = await client().request('/demo/onboarding')
    expect(new URL(anonymousOnboarding.location!).pathname).toBe('/demo')
  })

  it('the row changing is not enough: the gate reads the token', async () => {
    const c = client()
    await c.signInGuest()
    expect((await c.complete()).status).toBe(200)
    expect((await c.request('/demo/explore')).status).toBe(307)
  })
})

describe('hardened pass-through (provider "session-update")', () => {
  it('applies the ticket from the mutation: COMPLETED, no database read, the original sign-in kept', async () => {
    const c = client()
    await c.signInGuest('Grace')
    const before = await c.claims()
    const done = await c.complete({ goal: 'ship' })
    expect(done.status).toBe(200)
    expect(done.json.user).toMatchObject({ onboardingStep: 'COMPLETED', goal: 'ship', version: 2 })
    expect(done.json.ticket.split('.')).toHaveLength(3)

    const reply = await c.callback('session-update', { ticket: done.json.ticket })
    expect(reply.status).toBe(200)
    expect(reply.error).toBeNull()
    expect(reply.headers.get('x-db-reads')).toBe('0')
    const after = await c.claims()
    expect(after).toMatchObject({
      sub: before!.sub,
      name: 'Grace',
      role: 'reader',
      onboardingStep: 'COMPLETED',
      ver: 2,
      mintedBy: 'session-update',
      signedInWith: 'demo',
      signedInAt: before!.signedInAt,
    })
    expect((await c.request('/demo/explore')).status).toBe(200)
  })

  it('refuses a replay, and a ticket older than a reset', async () => {
    const c = client()
    await c.signInGuest()
    const { ticket } = (await c.complete()).json
    expect((await c.callback('session-update', { ticket })).status).toBe(200)
    const replay = await c.callback('session-update', { ticket })
    expect(replay.status).toBe(401)
    expect(replay.error).toBe('TicketAlreadyApplied')

    const reset = await c.reset()
    expect(reset.json.user).toMatchObject({ onboardingStep: 'INITIAL', version: 3 })
    expect((await c.update()).status).toBe(200)
    expect(await c.claims()).toMatchObject({ onboardingStep: 'INITIAL', ver: 3 })
    const stale = await c.callback('session-update', { ticket })
    expect(stale.status).toBe(401)
    expect(await c.claims()).toMatchObject({ onboardingStep: 'INITIAL', ver: 3 })
  })

  it('refuses another user’s ticket and a caller with no session', async () => {
    const victim = client()
    await victim.signInGuest('Victim')
    const { ticket } = (await victim.complete()).json

    const attacker = client()
    await attacker.signInGuest('Mallory')
    const before = await attacker.claims()
    const stolen = await attacker.callback('session-update', { ticket })
    expect(stolen.status).toBe(401)
    expect(stolen.error).toBe('This ticket was issued to another user.')
    expect(await attacker.claims()).toEqual(before)

    const anonymous = client()
    const noSession = await anonymous.callback('session-update', { ticket })
    expect(noSession.status).toBe(401)
    expect(noSession.error).toMatch(/^No current session/)
    expect(await anonymous.session()).toEqual({})
  })

  it('refuses expired, forged, truncated, alg:none and missing tickets, leaving the session untouched', async () => {
    const c = client()
    await c.signInGuest()
    const { ticket, user } = (await c.complete()).json
    const [head, payload, signature] = ticket.split('.')
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const expired = await issueTicketAs(server.dataDir, { id: user.id, version: 5 }, new Date(Date.now() - 120_000))
    const cases: Record<string, [string, RegExp]> = {
      expired: [expired, /expired/],
      'forged claims': [`${head}.${b64({ ...claims, claims: { ...claims.claims, role: 'admin' } })}.${signature}`, /signature is not valid/],
      truncated: [ticket.slice(0, -10), /signature is not valid|malformed/],
      'alg none': [`${b64({ alg: 'none', typ: 'session-update+jwt' })}.${payload}.`, /algorithm that is not allowed/],
      garbage: ['not-a-ticket', /malformed/],
      missing: ['', /No ticket was sent/],
    }
    const before = await c.claims()
    for (const [name, [forged, message]] of Object.entries(cases)) {
      const reply = await c.callback('session-update', { ticket: forged })
      expect(reply.status, name).toBe(401)
      expect(reply.error, name).toMatch(message)
      expectNoStackTrace(reply.text)
    }
    expect(await c.claims()).toEqual(before)
  })
})

describe('built-in update() (POST /api/auth/session)', () => {
  it('re-reads the row on trigger "update" and ignores what the client sent', async () => {
    const c = client()
    await c.signInGuest()
    await c.complete()
    const reply = await c.update({ role: 'admin', onboardingStep: 'HACKED', user: { id: 'admin-0001' } })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('x-db-reads')).toBe('1')
    expect(reply.json.user).toMatchObject({ role: 'reader', onboardingStep: 'COMPLETED' })
    expect(await c.claims()).toMatchObject({ role: 'reader', onboardingStep: 'COMPLETED', ver: 2, mintedBy: 'demo' })
    expect((await c.request('/demo/explore')).status).toBe(200)
  })

  it('needs a valid CSRF token: without one nothing changes', async () => {
    const c = client()
    await c.signInGuest()
    await c.complete()
    const reply = await c.request('/api/auth/session', { method: 'POST', body_json: { csrfToken: 'nope', data: {} } })
    expect(reply.status).toBe(400)
    expect(await c.claims()).toMatchObject({ onboardingStep: 'INITIAL' })
  })
})

describe('naive pass-through (provider "session-update-naive", deliberately vulnerable)', () => {
  it('mints a session for any user id and role, for an anonymous caller', async () => {
    const c = client()
    const reply = await c.callback('session-update-naive', {
      user: JSON.stringify({ id: 'admin-0001', name: 'Mallory', role: 'admin', onboardingStep: 'COMPLETED' }),
    })
    expect(reply.status).toBe(200)
    const session = await c.session()
    expect(session.user).toMatchObject({ id: 'admin-0001', role: 'admin', onboardingStep: 'COMPLETED' })
    expect(session.mintedBy).toBe('session-update-naive')
    expect(row('admin-0001')).toBeUndefined()
    expect((await c.request('/demo/explore')).status).toBe(200)
  })

  it('answers malformed user JSON with a 401, never a 500', async () => {
    for (const user of ['{"id":{"toString":1}}', 'not json', '[1,2]', '{"id":"x","name":{"a":1}}', '{}']) {
      const reply = await client().callback('session-update-naive', { user })
      expect(reply.status, user).toBe(401)
      expectNoStackTrace(reply.text)
    }
  })
})

describe('session cookie size: one cookie, never chunks', () => {
  const hugeName = 'x'.repeat(3_000) // well under the 8 KB body limit, but ~4.3 KB once encrypted into the cookie

  it('refuses a naive sign-in whose session would not fit in one cookie, before any cookie is written', async () => {
    const c = client()
    await c.signInGuest('Before')
    const before = c.jar.get('next-auth.session-token')
    const reply = await c.callback('session-update-naive', { user: JSON.stringify({ id: 'big', name: hugeName }) })
    expect(reply.status).toBe(401)
    expect(reply.error).toMatch(/^Refused: this session would need a \d+-byte cookie, more than the 3933 bytes one cookie holds/)
    expectNoStackTrace(reply.text)
    expect(reply.headers.getSetCookie().filter((line) => line.startsWith('next-auth.session-token'))).toEqual([])
    expect(c.jar.get('next-auth.session-token')).toBe(before)
    expect((await c.session()).user.name).toBe('Before')
  })

  it('still mints a well-formed naive session of sane size (the lesson stays), in one cookie', async () => {
    const c = client()
    const reply = await c.callback('session-update-naive', { user: JSON.stringify({ id: 'mid', name: 'y'.repeat(1_500) }) })
    expect(reply.error).toBeNull()
    const token = await c.request('/api/demo/token')
    expect(token.json.cookie.chunks).toBe(1)
    expect(token.json.cookie.bytes).toBeLessThanOrEqual(3933)
  })

  it('update(data) cannot grow the cookie: the built-in update ignores what the client sends', async () => {
    const c = client()
    await c.signInGuest()
    const before = await c.request('/api/demo/token')
    const reply = await c.update({ name: 'z'.repeat(6_000), role: 'admin' })
    expect(reply.status).toBe(200)
    const after = await c.request('/api/demo/token')
    expect(after.json.cookie.chunks).toBe(1)
    expect(Math.abs(after.json.cookie.bytes - before.json.cookie.bytes)).toBeLessThan(16)
    expect(after.json.claims).toMatchObject({ name: 'Ada', role: 'reader' })
  })
})

describe('demo API input handling', () => {
  it('requires a session, POST, and a valid JSON body; refusals write nothing', async () => {
    expect((await client().complete()).status).toBe(401)
    const c = client()
    await c.signInGuest()
    const id = (await c.session()).user.id
    const cases: [Parameters<Client['request']>[1], number, RegExp][] = [
      [{ method: 'GET' }, 405, /Use POST/],
      [{ method: 'POST', body_json: { goal: 'world-domination' } }, 400, /goal/],
      [{ method: 'POST', body_json: { goal: 'learn', role: 'admin' } }, 400, /Unrecognized key/i],
      [{ method: 'POST', body: '{bad', headers: { 'content-type': 'application/json' } }, 400, /Invalid JSON/],
      [{ method: 'POST', body: 'goal=learn', headers: { 'content-type': 'text/plain' } }, 415, /application\/json/],
      [{ method: 'POST', body_json: { goal: 'x'.repeat(10_000) } }, 413, /limit/],
    ]
    for (const [init, status, message] of cases) {
      const reply = await c.request('/api/demo/onboarding/complete', init)
      expect(reply.status, JSON.stringify(init)).toBe(status)
      expect(reply.text).toMatch(message)
    }
    expect(row(id)).toMatchObject({ version: 1, onboarding_step: 'INITIAL' })
  })

  it('answers 403 with a message for a naive session, whatever user it names', async () => {
    const c = client()
    await c.callback('session-update-naive', { user: JSON.stringify({ id: 'ghost' }) })
    const reply = await c.complete()
    expect(reply.status).toBe(403)
    expect(reply.json.error).toMatch(/naive, vulnerable provider/)
  })

  it('refuses oversized sign-in and update() bodies with 413 and a message before next-auth runs, writing nothing', async () => {
    const anonymous = client()
    const signIn = await anonymous.request('/api/auth/callback/session-update-naive', {
      method: 'POST',
      form: { csrfToken: 'x', user: JSON.stringify({ id: 'a', pad: 'x'.repeat(20_000) }) },
    })
    expect(signIn.status).toBe(413)
    expect(signIn.text).toMatch(/Body exceeded 8kb limit/)
    expect(signIn.headers.getSetCookie()).toEqual([])

    const c = client()
    await c.signInGuest()
    await c.complete()
    const before = c.jar.get('next-auth.session-token')
    const update = await c.update({ pad: 'x'.repeat(10_000) })
    expect(update.status).toBe(413)
    expect(update.text).toMatch(/Body exceeded 8kb limit/)
    expect(update.headers.getSetCookie()).toEqual([])
    expect(c.jar.get('next-auth.session-token')).toBe(before)
    expect(await c.claims()).toMatchObject({ onboardingStep: 'INITIAL', ver: 1 })
  })
})

describe('GET /api/demo/token', () => {
  it('returns the caller’s own decoded claims and cookie, and nothing for anyone else', async () => {
    const c = client()
    await c.signInGuest('Owner')
    const reply = await c.request('/api/demo/token')
    expect(reply.status).toBe(200)
    expect(reply.json.claims).toMatchObject({ name: 'Owner', role: 'reader', mintedBy: 'demo' })
    expect(reply.json.cookie).toMatchObject({ name: 'next-auth.session-token', chunks: 1 })
    expect(reply.json.cookie.value.split('.')).toHaveLength(5) // compact JWE
    expect(reply.json.cookie.bytes).toBe(reply.json.cookie.value.length)
    expect((await client().request('/api/demo/token?sub=' + reply.json.claims.sub)).json).toEqual({ signedIn: false, claims: null, cookie: null })
  })

  it('treats tampered, truncated and foreign-secret cookies as signed out', async () => {
    const c = client()
    await c.signInGuest()
    const real = c.jar.get('next-auth.session-token')!
    const other = await startServer({ env: { NEXTAUTH_SECRET: 'another-secret-entirely-0123456789' } })
    try {
      const foreign = new Client(other.url)
      await foreign.signInGuest()
      const foreignCookie = foreign.jar.get('next-auth.session-token')!
      for (const value of [real.slice(0, -5) + 'AAAAA', real.slice(0, 40), foreignCookie]) {
        const probe = client()
        probe.jar.set('next-auth.session-token', value)
        const token = await probe.request('/api/demo/token')
        expect(token.status).toBe(200)
        expect(token.json.signedIn).toBe(false)
        const session = await probe.request('/api/auth/session')
        expect(session.status).toBe(200)
        expect(session.json).toEqual({})
        const gate = await probe.request('/demo/explore')
        expect(new URL(gate.location!).pathname).toBe('/demo')
      }
    } finally {
      await other.stop({ clean: true })
    }
  })
})
