// Issue 22's low and info findings on the request path, each against next-auth's real handler and the real routes
// (every route file under pages/api, found on disk), in process:
// - same origin on every state-changing route, walked: a route added without the check fails here;
// - the guest sign-in budget charged only after next-auth's CSRF check and the name check;
// - GET on a credentials provider's callback: a 405 with a message, not next-auth's 500.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Client } from '../support/client'
import { demoRoutePaths, startApiServer, withDb, type ApiServer } from '../support/api-server'

vi.setConfig({ testTimeout: 60_000 })

let server: ApiServer
beforeAll(async () => {
  server = await startApiServer({ GUEST_SIGNIN_LIMIT: '2/10m', GUEST_ROWS_MAX: '1000' })
}, 60_000)
afterAll(() => server?.close())

const users = () => withDb(server, (db) => (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n)
const versions = () => withDb(server, (db) => db.prepare('SELECT id, version, session_epoch, role FROM users ORDER BY id').all())

/** What a page of another origin can make a browser send: its Origin, or only Sec-Fetch-Site. */
const FOREIGN: Record<string, string>[] = [
  { origin: 'http://evil.example' },
  { origin: 'http://127.0.0.1:1' }, // same site, another port: SameSite=Lax cookies go along
  { origin: 'null' },
  { 'sec-fetch-site': 'same-site' },
  { 'sec-fetch-site': 'cross-site' },
]

/** next-auth's POST endpoints here: the credentials callbacks, update() and sign-out. */
const AUTH_POSTS = ['/api/auth/callback/demo', '/api/auth/callback/session-update', '/api/auth/callback/session-update-naive', '/api/auth/callback/session-restore', '/api/auth/session', '/api/auth/signout']

describe('same origin on every state-changing route', () => {
  it('walks every route file: each POST from another origin is refused with 403 (or 405 where POST is not served), writing nothing', async () => {
    const c = new Client(server.url)
    await c.signInGuest('Owner')
    const csrfToken = await c.csrf()
    const before = { users: users(), rows: versions(), cookie: c.cookieHeader() }
    const paths = [...demoRoutePaths(), ...AUTH_POSTS]
    expect(paths.length).toBeGreaterThan(10)
    for (const path of paths) {
      for (const headers of FOREIGN) {
        const auth = path.startsWith('/api/auth/')
        const reply = await c.request(path, {
          method: 'POST',
          headers,
          ...(auth ? { form: { csrfToken, name: 'Forged', ticket: 'x', user: '{"id":"x"}', json: 'true' } } : { body_json: { goal: 'ship', role: 'editor', policy: 'none', suspended: true } }),
        })
        const what = `${path} ${JSON.stringify(headers)}`
        if (reply.status === 405) expect(reply.headers.get('allow'), what).toBe('GET')
        else {
          expect(reply.status, what).toBe(403)
          expect(reply.json.error, what).toMatch(/^Refused: this endpoint accepts requests from http:\/\/127\.0\.0\.1:\d+ only/)
        }
      }
    }
    expect({ users: users(), rows: versions(), cookie: c.cookieHeader() }).toEqual(before)
    // The site's own origin still works, as does a request with neither header (curl, a server-side script).
    expect((await c.request('/api/demo/onboarding/complete', { method: 'POST', headers: { origin: server.url }, body_json: {} })).status).toBe(200)
    expect((await c.callback('session-update-naive', { user: '{"id":"x"}' })).status).toBe(200)
  })
})

/** A guest sign-in POST as next-auth/react sends it, with the given CSRF token and name. */
async function attempt(c: Client, fields: Record<string, string>) {
  return c.request('/api/auth/callback/demo', { method: 'POST', form: { json: 'true', ...fields } })
}

describe('the guest sign-in budget (GUEST_SIGNIN_LIMIT=2/10m here)', () => {
  it('is not charged by requests next-auth refuses anyway: no or a wrong CSRF token, a bad name', async () => {
    withDb(server, (db) => db.exec('DELETE FROM guest_signins')) // the sign-ins of the tests above
    const junk = new Client(server.url)
    const token = await junk.csrf()
    const refusals = [
      await attempt(new Client(server.url), { name: 'No cookie', csrfToken: token }),
      await attempt(junk, { name: 'Wrong token', csrfToken: 'f'.repeat(64) }),
      await attempt(junk, { name: 'No token' }),
      await attempt(junk, { csrfToken: token }),
      await attempt(junk, { csrfToken: token, name: '   ' }),
      await attempt(junk, { csrfToken: token, name: '\u3164' }),
      await attempt(junk, { csrfToken: token, name: 'x'.repeat(41) }),
    ]
    for (const reply of refusals) expect(reply.status).not.toBe(429)
    const rows = users()
    // The address's whole budget is still there: two sign-ins, then the third is the 429.
    for (let i = 0; i < 2; i++) expect((await new Client(server.url).callback('demo', { name: `Real ${i}` })).status).toBe(200)
    const third = await new Client(server.url).callback('demo', { name: 'Third' })
    expect(third.status).toBe(429)
    expect(users()).toBe(rows + 2)
  })
})

describe('GET on a credentials callback', () => {
  it('answers 405 with Allow: POST and a message, for each credentials provider (next-auth alone answers 500)', async () => {
    for (const id of ['demo', 'session-update', 'session-update-naive', 'session-restore']) {
      const reply = await new Client(server.url).request(`/api/auth/callback/${id}?name=Ada`)
      expect(reply.status, id).toBe(405)
      expect(reply.headers.get('allow')).toBe('POST')
      expect(reply.json.error).toBe(`Use POST: /api/auth/callback/${id} takes a form with csrfToken (next-auth/react's signIn sends it).`)
    }
  })
})
