// "Someone else changes you" (demo/api/stale.ts) in process: next-auth's real handler, Next's API resolver and a
// real SQLite file, no build. Each endpoint acts on the caller's own row, refuses what it should with a 4xx and a
// message, and changes nothing then. (tests/integration/stale-api.test.ts drives the gate's side on the build.)
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from '../support/client'
import { startApiServer, withDb, type ApiServer } from '../support/api-server'
import { FORGED_ADMIN } from '../support/forged'
import { sessionCookie } from '../support/demo-session'
import { BAD_CHANGE_BODIES } from '../support/stale-cases'

let server: ApiServer
beforeAll(async () => {
  server = await startApiServer({ STALE_RECHECK_SECONDS: '0' })
}, 60_000)
afterAll(async () => {
  await server?.close()
})

const sql = <T,>(run: (db: Database.Database) => T): T => withDb(server, run)
const row = (id: string) =>
  sql((db) => db.prepare('SELECT role, suspended, session_epoch, version, onboarding_step FROM users WHERE id = ?').get(id))

async function guest() {
  const c = new Client(server.url)
  await c.signInGuest('Ada')
  const id = (await c.session()).user.id as string
  return { c, id }
}
const post = (c: Client, path: string, body: unknown, headers: Record<string, string> = {}) =>
  c.request(path, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } })
const change = (c: Client, body: unknown, headers?: Record<string, string>) => post(c, '/api/demo/admin/change', body, headers)
const copyOf = (c: Client) => {
  const copy = new Client(server.url)
  for (const [k, v] of c.jar) copy.jar.set(k, v)
  return copy
}

describe('POST /api/demo/admin/change', () => {
  it('changes the row and not the cookie', async () => {
    const { c, id } = await guest()
    const cookie = c.cookieHeader()
    const before = Date.now()
    const reply = await change(c, { role: 'editor' })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('cache-control')).toBe('no-store')
    expect(reply.json.row).toEqual({ role: 'editor', onboardingStep: 'INITIAL', suspended: false, sessionEpoch: 0, version: 2 })
    expect(reply.json.changedAt).toBeGreaterThanOrEqual(before)
    expect(reply.headers.getSetCookie()).toEqual([])
    expect(c.cookieHeader()).toBe(cookie)
    expect(row(id)).toEqual({ role: 'editor', suspended: 0, session_epoch: 0, version: 2, onboarding_step: 'INITIAL' })
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

  it('refuses a non-JSON body (415), a GET (405, with Allow) and no session (401), changing nothing', async () => {
    const { c, id } = await guest()
    const before = row(id)
    const plain = await change(c, 'role=editor', { 'content-type': 'text/plain' })
    expect(plain.status).toBe(415)
    expect(plain.json.error).toBe('Send the body as application/json.')
    const get = await c.request('/api/demo/admin/change')
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    const anonymous = await change(new Client(server.url), { role: 'editor' })
    expect(anonymous.status).toBe(401)
    expect(anonymous.json.error).toBe('Sign in first: this endpoint changes the signed-in user.')
    expect(row(id)).toEqual(before)
  })

  it("refuses a naive session (403): the naive provider names any user, and must not reach that user's row", async () => {
    const { c: victim, id } = await guest()
    const attacker = new Client(server.url)
    await attacker.callback('session-update-naive', { user: JSON.stringify({ ...FORGED_ADMIN, id }) })
    expect((await attacker.claims())?.sub).toBe(id)
    const before = row(id)
    const reply = await change(attacker, { role: 'editor' })
    expect(reply.status).toBe(403)
    expect(reply.json.error).toMatch(/^A session minted by the naive provider cannot change a user/)
    expect(row(id)).toEqual(before)
    expect((await change(victim, { role: 'editor' })).status).toBe(200)
  })

  it('answers 404 when the session names a user who no longer exists', async () => {
    const { c, id } = await guest()
    sql((db) => db.prepare('DELETE FROM users WHERE id = ?').run(id))
    const reply = await change(c, { role: 'editor' })
    expect(reply.status).toBe(404)
    expect(reply.json.error).toMatch(/^Your session names a user that does not exist/)
    expect(row(id)).toBeUndefined()
  })

  it('suspends (epoch bumped); the suspended session then writes nothing, not even its own reinstatement (403, signed out)', async () => {
    const { c, id } = await guest()
    const later = copyOf(c)
    expect((await change(c, { suspended: true })).json.row).toMatchObject({ suspended: true, sessionEpoch: 1 })
    for (const body of [{ role: 'editor' }, { suspended: true }, { suspended: false }]) {
      const refused = await change(copyOf(later), body)
      expect(refused.status).toBe(403)
      expect(refused.json.error).toMatch(/^Refused: this user is suspended\. .*\(This session has been ended: suspended\.\)$/)
      expect(refused.headers.getSetCookie()).toEqual([expect.stringMatching(/^next-auth\.session-token=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax$/)])
    }
    expect(row(id)).toMatchObject({ role: 'reader', suspended: 1, session_epoch: 1 })
  })
})

describe('POST /api/demo/sign-out-everywhere', () => {
  it('bumps the epoch only, with an empty JSON body; anything else in the body is a 400', async () => {
    const { c, id } = await guest()
    const extra = await post(c, '/api/demo/sign-out-everywhere', { everyone: true })
    expect(extra.status).toBe(400)
    expect(row(id)).toMatchObject({ session_epoch: 0 })
    const empty = await c.request('/api/demo/sign-out-everywhere', { method: 'POST', headers: { 'content-type': 'application/json' } })
    expect(empty.status).toBe(200)
    expect(empty.headers.get('cache-control')).toBe('no-store')
    expect(empty.json.row).toEqual({ role: 'reader', onboardingStep: 'INITIAL', suspended: false, sessionEpoch: 1, version: 1 })
    expect(row(id)).toMatchObject({ session_epoch: 1, role: 'reader', suspended: 0, version: 1 })
    expect((await c.request('/api/demo/sign-out-everywhere')).status).toBe(405)
  })
})

describe('POST /api/demo/stale/policy', () => {
  it("sets the reader's policy in a new cookie that keeps the token's epoch and takes the row's claims", async () => {
    const { c, id } = await guest()
    await change(c, { role: 'editor' })
    const reply = await post(c, '/api/demo/stale/policy', { policy: 'throttled' })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('cache-control')).toBe('no-store')
    expect(reply.headers.getSetCookie()).toEqual([expect.stringMatching(/^next-auth\.session-token=[^;]+; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/)])
    expect(reply.json.policy).toBe('throttled')
    expect(reply.json.claims).toMatchObject({ sub: id, role: 'editor', stalePolicy: 'throttled', epoch: 0 })
    expect(await c.claims()).toMatchObject({ sub: id, role: 'editor', stalePolicy: 'throttled', epoch: 0 })
  })

  it('answers 413, and sets no cookie, when the new session would not fit one cookie', async () => {
    const { c } = await guest()
    const claims = (await c.claims())!
    const cookie = await sessionCookie({ ...claims, padding: 'x'.repeat(3500) })
    const reply = await new Client(server.url).request('/api/demo/stale/policy', { method: 'POST', body_json: { policy: 'epoch' }, headers: { cookie } })
    expect(reply.status).toBe(413)
    expect(reply.json.error).toBe('The session would not fit in one cookie.')
    expect(reply.headers.getSetCookie()).toEqual([])
  })

  it('refuses an unknown policy (400), leaving the cookie as it was', async () => {
    const { c } = await guest()
    const cookie = c.cookieHeader()
    const reply = await post(c, '/api/demo/stale/policy', { policy: 'always' })
    expect(reply.status).toBe(400)
    expect(reply.json.error).toMatch(/^Invalid body at policy: /)
    expect(reply.headers.getSetCookie()).toEqual([])
    expect(c.cookieHeader()).toBe(cookie)
  })

  it('a revoked or suspended session cannot renew itself by switching policy (403, no cookie)', async () => {
    const { c } = await guest()
    const revoked = copyOf(c)
    expect((await post(c, '/api/demo/sign-out-everywhere', {})).status).toBe(200)
    const renew = await post(revoked, '/api/demo/stale/policy', { policy: 'none' })
    expect(renew.status).toBe(403)
    expect(renew.json.error).toMatch(/^Refused: this session was signed out everywhere .*\(This session has been ended: revoked\.\)$/)
    // No renewed cookie: the only Set-Cookie expires the one it sent.
    expect(renew.headers.getSetCookie()).toEqual([expect.stringMatching(/^next-auth\.session-token=; .*Max-Age=0/)])

    const { c: other } = await guest()
    const suspended = copyOf(other)
    await change(other, { suspended: true })
    const denied = await post(suspended, '/api/demo/stale/policy', { policy: 'epoch' })
    expect(denied.status).toBe(403)
    expect(denied.json.error).toMatch(/\(This session has been ended: suspended\.\)$/)
    expect(denied.headers.getSetCookie()).toEqual([expect.stringMatching(/^next-auth\.session-token=; .*Max-Age=0/)])
  })
})

describe('GET /api/demo/stale/status', () => {
  it("shows the caller's row beside the token this browser holds, and the policy's settings", async () => {
    const { c, id } = await guest()
    await change(c, { role: 'editor' })
    const before = Math.floor(Date.now() / 1000)
    const reply = await c.request('/api/demo/stale/status')
    expect(reply.status).toBe(200)
    expect(reply.headers.get('cache-control')).toBe('no-store')
    expect(reply.json.row).toEqual({ role: 'editor', onboardingStep: 'INITIAL', suspended: false, sessionEpoch: 0, version: 2 })
    expect(reply.json.token).toMatchObject({ sub: id, role: 'reader' })
    expect(reply.json.policy).toBe((await c.claims())?.stalePolicy ?? 'none')
    expect(reply.json.recheckSeconds).toBe(0)
    expect(reply.json.now).toBeGreaterThanOrEqual(before)
  })

  it('refuses POST (405) and anonymous callers (401)', async () => {
    const { c } = await guest()
    const wrong = await post(c, '/api/demo/stale/status', {})
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('GET')
    expect((await new Client(server.url).request('/api/demo/stale/status')).status).toBe(401)
  })
})
