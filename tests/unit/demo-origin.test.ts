// Finding 3: the demo's mutating API takes JSON from the site's own origin only (Origin, else Sec-Fetch-Site;
// neither, as from curl, is allowed). The browser version, from a second loopback origin: e2e/security.test.ts ("cross-origin writes from a second loopback origin").
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Client } from '../support/client'
import { startApiServer, type ApiServer } from '../support/api-server'

// Each test drives next-auth's real handler over HTTP (several requests, JWE encryption): seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

let server: ApiServer
let c: Client
let id: string

beforeAll(async () => {
  server = await startApiServer()
  c = new Client(server.url)
  await c.signInGuest('Origin')
  id = (await c.session()).user.id
}, 60_000)
afterAll(() => server?.close())

function version() {
  const db = new Database(join(server.dataDir, 'demo.sqlite'), { readonly: true })
  try {
    return (db.prepare('SELECT version FROM users WHERE id = ?').get(id) as { version: number }).version
  } finally {
    db.close()
  }
}

const post = (path: string, headers: Record<string, string>, body?: string) => c.request(path, { method: 'POST', headers, body })

describe('the demo API refuses what another origin can send', () => {
  it.each([
    ['a text/plain form from another port', { origin: 'http://127.0.0.1:1', 'content-type': 'text/plain' }, 'x=1'],
    ['JSON from a sibling origin', { origin: 'http://evil.localhost', 'content-type': 'application/json' }, '{}'],
    ['an opaque origin (sandboxed frame)', { origin: 'null', 'content-type': 'application/json' }, '{}'],
    ['no Origin, Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }, '{}'],
    ['no Origin, Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, '{}'],
  ])('403 for %s, on complete and reset, writing nothing', async (_name, headers, body) => {
    for (const path of ['/api/demo/onboarding/complete', '/api/demo/onboarding/reset']) {
      const reply = await post(path, headers, body)
      expect(reply.status, path).toBe(403)
      expect(reply.json.error).toMatch(/^Refused: this endpoint accepts requests from http:\/\/127\.0\.0\.1:\d+ only/)
    }
    expect(version()).toBe(1)
  })

  it('415 for an empty body without a JSON content type (no longer taken as {})', async () => {
    for (const headers of [{}, { 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, { 'content-type': 'multipart/form-data; boundary=x' }] as Record<string, string>[]) {
      const reply = await post('/api/demo/onboarding/reset', headers)
      expect(reply.status, JSON.stringify(headers)).toBe(415)
      expect(reply.json.error).toMatch(/application\/json/)
    }
    expect(version()).toBe(1)
  })

  it('accepts its own origin, Sec-Fetch-Site same-origin, and a request with neither (curl)', async () => {
    const json = { 'content-type': 'application/json' }
    expect((await post('/api/demo/onboarding/complete', { ...json, origin: server.url }, '{}')).status).toBe(200)
    expect((await post('/api/demo/onboarding/reset', { ...json, 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    expect((await post('/api/demo/onboarding/complete', { 'content-type': 'application/json; charset=utf-8' }, '{"goal":"ship"}')).status).toBe(200)
    expect(version()).toBe(4)
  })
})
