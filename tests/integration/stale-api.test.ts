// POST /api/demo/admin/change, /api/demo/sign-out-everywhere and /api/demo/stale/policy over HTTP, against the
// production server and a real SQLite file: bad input is a 4xx with a message and changes nothing.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from '../support/client'
import { startServer, type TestServer } from '../support/server'
import { BAD_CHANGE_BODIES } from '../support/stale-cases'

let server: TestServer
beforeAll(async () => {
  server = await startServer({ env: { STALE_RECHECK_SECONDS: '0' } })
})
afterAll(async () => {
  await server?.stop({ clean: true })
})

function row(id: string) {
  const db = new Database(join(server.dataDir, 'demo.sqlite'), { readonly: true })
  try {
    return db.prepare('SELECT role, suspended, session_epoch, version, onboarding_step FROM users WHERE id = ?').get(id)
  } finally {
    db.close()
  }
}

async function guest() {
  const c = new Client(server.url)
  await c.signInGuest('Ada')
  const id = (await c.session()).user.id as string
  return { c, id }
}

const change = (c: Client, body: unknown, headers: Record<string, string> = {}) =>
  c.request('/api/demo/admin/change', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } })

describe('POST /api/demo/admin/change', () => {
  it('changes the row and not the cookie', async () => {
    const { c, id } = await guest()
    const cookie = c.cookieHeader()
    const reply = await change(c, { role: 'editor' })
    expect(reply.status).toBe(200)
    expect(reply.json.row).toMatchObject({ role: 'editor', sessionEpoch: 0, suspended: false })
    expect(reply.headers.getSetCookie()).toEqual([])
    expect(c.cookieHeader()).toBe(cookie)
    expect(row(id)).toMatchObject({ role: 'editor', suspended: 0, session_epoch: 0, version: 2 })
    expect((await c.claims())?.role).toBe('reader')
  })

  it.each(BAD_CHANGE_BODIES)('refuses %j with a 400 and a message, and changes nothing', async (body, message) => {
    const { c, id } = await guest()
    const before = row(id)
    const reply = await change(c, body)
    expect(reply.status).toBe(400)
    expect(reply.json.error).toMatch(message)
    expect(row(id)).toEqual(before)
  })

  it('refuses a non-JSON body (415), a GET (405) and no session (401), changing nothing', async () => {
    const { c, id } = await guest()
    const before = row(id)
    expect((await change(c, 'role=editor', { 'content-type': 'text/plain' })).status).toBe(415)
    expect((await c.request('/api/demo/admin/change')).status).toBe(405)
    const anonymous = await change(new Client(server.url), { role: 'editor' })
    expect(anonymous.status).toBe(401)
    expect(anonymous.json.error).toMatch(/Sign in/)
    expect(row(id)).toEqual(before)
  })

  it('suspension ends the session at the next check (throttled, N = 0): the gate redirects and clears the cookie', async () => {
    const { c, id } = await guest()
    expect((await c.request('/api/demo/stale/policy', { method: 'POST', body_json: { policy: 'throttled' } })).status).toBe(200)
    expect((await c.request('/demo/onboarding')).status).toBe(200)
    expect((await change(c, { suspended: true })).json.row).toMatchObject({ suspended: true, sessionEpoch: 1 })
    const refused = await c.request('/demo/onboarding')
    expect(refused.status).toBe(307)
    expect(new URL(refused.location!).pathname).toBe('/demo')
    expect(refused.headers.get('x-session-ended')).toBe('suspended')
    expect(c.jar.size === 0 || ![...c.jar.keys()].some((k) => k.includes('session-token'))).toBe(true)
    expect(row(id)).toMatchObject({ suspended: 1 })
  })
})

describe('POST /api/demo/stale/policy and /api/demo/sign-out-everywhere', () => {
  it('refuses an unknown policy with 400, leaving the cookie as it was', async () => {
    const { c } = await guest()
    const cookie = c.cookieHeader()
    const reply = await c.request('/api/demo/stale/policy', { method: 'POST', body_json: { policy: 'always' } })
    expect(reply.status).toBe(400)
    expect(reply.json.error).toMatch(/policy/)
    expect(c.cookieHeader()).toBe(cookie)
  })

  it('sign out everywhere bumps the epoch only; an epoch session is refused by the gate and by /api/auth/session', async () => {
    const { c, id } = await guest()
    await c.request('/api/demo/stale/policy', { method: 'POST', body_json: { policy: 'epoch' } })
    const copy = new Client(server.url)
    for (const [k, v] of c.jar) copy.jar.set(k, v)
    const stale = new Client(server.url)
    for (const [k, v] of c.jar) stale.jar.set(k, v)
    expect((await c.request('/api/demo/sign-out-everywhere', { method: 'POST', body_json: { everyone: true } })).status).toBe(400)
    expect(row(id)).toMatchObject({ session_epoch: 0 })
    expect((await c.request('/api/demo/sign-out-everywhere', { method: 'POST', body_json: {} })).status).toBe(200)
    expect(row(id)).toMatchObject({ session_epoch: 1, role: 'reader', suspended: 0, version: 1 })
    expect((await copy.request('/demo/onboarding')).headers.get('x-session-ended')).toBe('revoked')
    expect(await c.session()).toEqual({})
    // A revoked session cannot renew itself by picking another policy.
    const renew = await stale.request('/api/demo/stale/policy', { method: 'POST', body_json: { policy: 'none' } })
    expect(renew.status).toBe(403)
    expect(renew.json.error).toMatch(/revoked/)
  })
})

describe('revocation laundering, on the production server (issue 22, the review’s medium finding)', () => {
  it('suspended → naive pass-through → "Return as yourself" → /demo/explore: refused at each step, nothing written', async () => {
    const { c, id } = await guest()
    expect((await c.complete({ goal: 'learn', strategy: 'response' })).status).toBe(200)
    expect((await c.request('/api/demo/stale/policy', { method: 'POST', body_json: { policy: 'epoch' } })).status).toBe(200)
    expect((await c.request('/demo/explore')).status).toBe(200)
    const admin = new Client(server.url)
    for (const [k, v] of c.jar) admin.jar.set(k, v)
    expect((await change(admin, { suspended: true })).status).toBe(200)

    const naive = await c.callback('session-update-naive', { user: JSON.stringify({ id, onboardingStep: 'COMPLETED' }) })
    expect(naive.status).toBe(401)
    expect(naive.error).toMatch(/suspended/)
    expect((await c.callback('session-restore', {})).status).toBe(401)
    expect((await c.request('/demo/explore')).status).toBe(307)
    expect((await c.reset()).status).toBeGreaterThanOrEqual(401)
    expect(row(id)).toMatchObject({ suspended: 1, onboarding_step: 'COMPLETED', version: 3 })
  })
})
