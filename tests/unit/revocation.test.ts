// Issue 22: one decision (demo/session-access.ts) for every way a session is minted or honoured. A suspended or
// revoked user gets no session and no write from any path: each path here, with next-auth's real handler, the real
// routes (every file under pages/api/demo, found on disk), the real middleware and a real SQLite file, no build.
import type Database from 'better-sqlite3'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Client } from '../support/client'
import { demoRoutePaths, startApiServer, withDb, type ApiServer } from '../support/api-server'

vi.setConfig({ testTimeout: 60_000 })

let server: ApiServer
let middleware: typeof import('@/middleware').middleware
let authOptions: typeof import('@/demo/auth-options').authOptions
beforeAll(async () => {
  // GitHub's provider is offered only with both set: present here so the enumeration below sees every provider.
  server = await startApiServer({ STALE_RECHECK_SECONDS: '0', GITHUB_ID: 'unit-github-id', GITHUB_SECRET: 'unit-github-secret' })
  ;({ middleware } = await import('@/middleware'))
  ;({ authOptions } = await import('@/demo/auth-options'))
}, 60_000)
afterAll(() => server?.close())

const sql = <T,>(run: (db: Database.Database) => T): T => withDb(server, run)
const row = (id: string) =>
  sql((db) => db.prepare('SELECT role, suspended, session_epoch, version, onboarding_step, goal FROM users WHERE id = ?').get(id) as Record<string, unknown>)

const post = (c: Client, path: string, body: unknown = {}) => c.request(path, { method: 'POST', body_json: body })
const copyOf = (c: Client) => {
  const copy = new Client(server.url)
  for (const [k, v] of c.jar) copy.jar.set(k, v)
  return copy
}
const hasSession = (c: Client) => [...c.jar.keys()].some((k) => k.includes('session-token'))

/** The gate on /demo/explore, as middleware.ts answers this browser: 200 (through) or where it sends it. */
async function explore(c: Client): Promise<{ status: number; ended: string | null }> {
  const res = await middleware(new NextRequest(`${server.url}/demo/explore`, { headers: { cookie: c.cookieHeader() } }))
  return { status: res.status, ended: res.headers.get('x-session-ended') }
}

/** A guest through onboarding (the one-request update), on `policy`: the gate lets it through. */
async function onboarded(policy: 'none' | 'throttled' | 'epoch', name = 'Ada') {
  const c = new Client(server.url)
  await c.signInGuest(name)
  const id = (await c.session()).user.id as string
  expect((await post(c, '/api/demo/onboarding/complete', { goal: 'learn', strategy: 'response' })).status).toBe(200)
  expect((await post(c, '/api/demo/stale/policy', { policy })).status).toBe(200)
  expect(await explore(c)).toEqual({ status: 200, ended: null })
  return { c, id }
}

/** Someone else suspends `c`'s user (a copy of its cookie asks, so `c` keeps the cookie it held before). */
async function suspend(c: Client) {
  expect((await post(copyOf(c), '/api/demo/admin/change', { suspended: true })).status).toBe(200)
}
/** "Sign out everywhere" from another device: `c`'s cookie is now revoked. */
async function revoke(c: Client) {
  expect((await post(copyOf(c), '/api/demo/sign-out-everywhere')).status).toBe(200)
}

const forge = (c: Client, user: Record<string, unknown> = { id: 'anyone-at-all', role: 'admin', onboardingStep: 'COMPLETED' }) =>
  c.callback('session-update-naive', { user: JSON.stringify(user) })

describe('the review’s medium finding: suspended → naive pass-through → "Return as yourself"', () => {
  it('gets no session back: the naive mint and the restore are refused, the gate sends it to sign in, nothing is written', async () => {
    const { c, id } = await onboarded('epoch')
    await suspend(c)
    const naive = await forge(c)
    expect(naive.status).toBe(401)
    expect(naive.error).toMatch(/suspended/)
    const restored = await c.callback('session-restore', {})
    expect(restored.status).toBe(401)
    expect((await explore(c)).status).toBe(307)
    expect((await post(c, '/api/demo/onboarding/reset')).status).toBe(403)
    expect(row(id)).toMatchObject({ suspended: 1, onboarding_step: 'COMPLETED', version: 3 })
  })

  it('a naive session minted before the suspension carries the real epoch and policy: restore refused, the gate ends it', async () => {
    const { c, id } = await onboarded('epoch', 'Bea')
    const real = copyOf(c)
    expect((await forge(c)).status).toBe(200)
    expect(await c.claims()).toMatchObject({ mintedBy: 'session-update-naive', sub: 'anyone-at-all', realSub: id, epoch: 0, stalePolicy: 'epoch' })
    expect((await explore(c)).status).toBe(200) // the lesson: a forged COMPLETED passes the gate
    await suspend(real)
    expect(await explore(copyOf(c))).toEqual({ status: 307, ended: 'suspended' })
    const restored = await c.callback('session-restore', {})
    expect(restored.status).toBe(401)
    expect(restored.error).toMatch(/suspended/)
    expect((await c.claims())?.mintedBy).toBe('session-update-naive')
  })

  it('with the policy "none" too: the gate keeps the old session (the policy’s lesson), but restore mints nothing', async () => {
    const { c, id } = await onboarded('none', 'Cy')
    const real = copyOf(c)
    expect((await forge(c)).status).toBe(200)
    expect((await explore(c)).status).toBe(200)
    await revoke(real)
    const restored = await c.callback('session-restore', {})
    expect(restored.status).toBe(401)
    expect(restored.error).toMatch(/signed out everywhere/)
    expect(row(id)).toMatchObject({ session_epoch: 1 })
  })
})

/**
 * One case per provider next-auth offers here: each gets a suspended or revoked caller and must mint no session
 * for that user. A provider added to auth-options.ts without a case fails the enumeration below.
 */
const MINT_CASES: Record<string, () => Promise<void>> = {
  // The guest sign-in makes a new row: the suspended user's own is never handed back.
  async demo() {
    const { c, id } = await onboarded('epoch', 'Guest')
    await suspend(c)
    expect((await c.signInGuest('Guest again')).status).toBe(200)
    const claims = (await c.claims())!
    expect(claims.sub).not.toBe(id)
    expect(claims).toMatchObject({ mintedBy: 'demo', onboardingStep: 'INITIAL' })
  },
  // GitHub: the jwt callback's sign-in branch, with the account next-auth hands it after the OAuth round trip.
  async github() {
    const jwt = authOptions.callbacks!.jwt!
    const signIn = (githubId: string) =>
      jwt({ token: { name: 'Octo' }, user: { id: githubId, name: 'Octo' }, account: { provider: 'github', type: 'oauth', providerAccountId: githubId }, trigger: 'signIn' } as never)
    const first = await signIn('gh-revocation')
    const id = first.sub!
    sql((db) => db.prepare('UPDATE users SET session_epoch = 2 WHERE id = ?').run(id))
    // Sign out everywhere never refuses the next sign-in: it starts at the row's epoch.
    expect(await signIn('gh-revocation')).toMatchObject({ sub: id, epoch: 2 })
    sql((db) => db.prepare('UPDATE users SET suspended = 1 WHERE id = ?').run(id))
    await expect(signIn('gh-revocation')).rejects.toThrow(/suspended/)
  },
  async 'session-update'() {
    // A ticket issued before the suspension, applied after it: the session's policy ends it, so no re-mint.
    const { c } = await onboarded('epoch', 'Ticket')
    const { ticket } = (await post(c, '/api/demo/onboarding/reset')).json
    await suspend(c)
    const reply = await c.callback('session-update', { ticket })
    expect(reply.status).toBe(401)
    expect(reply.error).toMatch(/suspended/)
    expect((await c.claims())?.onboardingStep).toBe('COMPLETED')
  },
  async 'session-update-naive'() {
    const { c } = await onboarded('throttled', 'Naive')
    await revoke(c)
    const reply = await forge(c)
    expect(reply.status).toBe(401)
    expect(reply.error).toMatch(/signed out everywhere/)
    expect((await c.claims())?.mintedBy).toBe('demo')
  },
  async 'session-restore'() {
    const { c } = await onboarded('epoch', 'Restore')
    const real = copyOf(c)
    expect((await forge(c)).status).toBe(200)
    await suspend(real)
    expect((await c.callback('session-restore', {})).status).toBe(401)
  },
}

describe('every provider asks session-access.ts', () => {
  it('has a revocation case for each provider next-auth offers (a new provider without one fails here)', () => {
    // A v4 provider's id is in its options (next-auth merges them over the type's default id, core/lib/providers.js).
    const ids = authOptions.providers.map((p) => (p.options as { id?: string } | undefined)?.id ?? p.id)
    expect(ids.sort()).toEqual(Object.keys(MINT_CASES).sort())
  })
  for (const [provider, run] of Object.entries(MINT_CASES)) it(`${provider}: no session for a suspended or revoked user`, run)
})

describe('update() and the one-request update', () => {
  it('update() on a revoked session (policy none: the gate keeps it) re-mints nothing: the session is cleared', async () => {
    const { c, id } = await onboarded('none', 'Upd')
    await revoke(c)
    const before = row(id)
    const reply = await c.update()
    expect(reply.status).toBe(200)
    expect(reply.json).toEqual({})
    expect(hasSession(c)).toBe(false)
    expect(row(id)).toEqual(before)
  })

  it('update() on a live session keeps its epoch and policy (the epoch survives the re-mint)', async () => {
    const { c } = await onboarded('epoch', 'Keep')
    const before = (await c.claims())!
    expect((await c.update()).json.user).toBeTruthy()
    expect(await c.claims()).toMatchObject({ epoch: before.epoch, stalePolicy: 'epoch', sid: before.sid })
  })

  it('the one-request update for a suspended session writes nothing and signs the browser out (403)', async () => {
    const { c, id } = await onboarded('none', 'Resp')
    await suspend(c)
    const before = row(id)
    const reply = await post(c, '/api/demo/onboarding/reset', { strategy: 'response' })
    expect(reply.status).toBe(403)
    expect(reply.json.error).toMatch(/^Refused: this user is suspended/)
    expect(reply.json).not.toHaveProperty('ticket')
    expect(hasSession(c)).toBe(false)
    expect(row(id)).toEqual(before)
  })
})

describe('the epoch and policy through every re-mint', () => {
  it('ticket, naive, restore: each keeps the epoch and policy the session had', async () => {
    const { c, id } = await onboarded('throttled', 'Epoch')
    const start = (await c.claims())!
    const { ticket } = (await post(c, '/api/demo/onboarding/reset')).json
    expect((await c.callback('session-update', { ticket })).status).toBe(200)
    expect(await c.claims()).toMatchObject({ epoch: start.epoch, stalePolicy: 'throttled', sid: start.sid, onboardingStep: 'INITIAL' })
    expect((await forge(c)).status).toBe(200)
    expect(await c.claims()).toMatchObject({ epoch: start.epoch, stalePolicy: 'throttled', realSub: id })
    expect((await c.callback('session-restore', {})).status).toBe(200)
    expect(await c.claims()).toMatchObject({ sub: id, epoch: start.epoch, stalePolicy: 'throttled', mintedBy: 'session-restore' })
  })
})

/**
 * Every demo API route, found on disk, with a revoked session: what it may answer. A route added under pages/api/demo
 * without an entry here fails the first test; one that writes for a revoked session fails the second.
 */
const ROUTES: Record<string, { method: 'GET' | 'POST'; body?: unknown; revoked: number }> = {
  '/api/demo/admin/change': { method: 'POST', body: { role: 'editor' }, revoked: 403 },
  '/api/demo/onboarding/complete': { method: 'POST', body: { goal: 'ship' }, revoked: 403 },
  '/api/demo/onboarding/reset': { method: 'POST', revoked: 403 },
  '/api/demo/sign-out-everywhere': { method: 'POST', revoked: 403 },
  '/api/demo/stale/policy': { method: 'POST', body: { policy: 'none' }, revoked: 403 },
  // Reads of the caller's own cookie and row: they answer, write nothing and renew nothing.
  '/api/demo/stale/status': { method: 'GET', revoked: 200 },
  '/api/demo/token': { method: 'GET', revoked: 200 },
}

describe('every demo API route asks session-access.ts', () => {
  it('has an entry for each route file under pages/api/demo', () => {
    expect(demoRoutePaths()).toEqual(Object.keys(ROUTES).sort())
  })

  for (const [path, { method, body, revoked }] of Object.entries(ROUTES)) {
    it(`${method} ${path}: a revoked session writes nothing and gets no new session`, async () => {
      const { c, id } = await onboarded('none', 'Route')
      await revoke(c)
      const before = row(id)
      const reply = method === 'POST' ? await post(c, path, body ?? {}) : await c.request(path)
      expect(reply.status).toBe(revoked)
      if (revoked >= 400) expect(reply.json.error).toMatch(/^Refused: this session was signed out everywhere/)
      // Any Set-Cookie may only expire the session cookie, never carry a live one.
      for (const line of reply.headers.getSetCookie()) expect(line).toMatch(/^next-auth\.session-token=; .*Max-Age=0/)
      expect(row(id)).toEqual(before)
    })
  }

  it('GET /api/demo/stale/status says the session is ended, and why', async () => {
    const { c } = await onboarded('none', 'Status')
    await suspend(c)
    expect((await c.request('/api/demo/stale/status')).json).toMatchObject({ ended: 'suspended', row: { suspended: true } })
  })
})
