// The fourth strategy, "in the mutation's response": the route that writes the row re-issues the session
// cookie itself (demo/reissue-session.ts). Driven over HTTP against the production server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from '../support/client'
import { startServer, type TestServer } from '../support/server'

let server: TestServer
const NAME = 'next-auth.session-token'

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server?.stop({ clean: true })
})

async function signedIn(base = server.url) {
  const c = new Client(base)
  await c.signInGuest('Oona')
  return c
}

describe('POST /api/demo/onboarding/complete { strategy: "response" }', () => {
  it('sets the new cookie in its own response: the next request already sees COMPLETED, the gate opens', async () => {
    const c = await signedIn()
    const before = await c.claims()
    c.log.length = 0
    const reply = await c.complete({ goal: 'learn', strategy: 'response' })
    expect(reply.status).toBe(200)
    expect(reply.json.user).toMatchObject({ onboardingStep: 'COMPLETED', goal: 'learn', version: 2 })
    expect(reply.headers.get('x-db-reads')).toBe('0')
    const cookies = reply.headers.getSetCookie()
    expect(cookies).toHaveLength(1)
    // next-auth v4's own attributes for the session cookie (core/lib/cookie.js:20-28, routes/session.js:78).
    expect(cookies[0]).toMatch(new RegExp(`^${NAME}=[^;]+; Path=/; Expires=[^;]+; HttpOnly; SameSite=Lax$`))
    const expires = Date.parse(cookies[0].match(/Expires=([^;]+)/)![1])
    expect(Math.abs(expires - (Date.now() + 30 * 24 * 3600 * 1000))).toBeLessThan(60_000)
    // The mutation was the only request; the cookie it set is what the server now reads.
    expect(c.log.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/demo/onboarding/complete'])
    const after = await c.claims()
    expect(after).toMatchObject({ sub: before!.sub, onboardingStep: 'COMPLETED', ver: 2, mintedBy: 'demo', signedInAt: before!.signedInAt })
    expect(after!.jti).not.toBe(before!.jti)
    expect(after!.exp - after!.iat).toBe(30 * 24 * 3600)
    expect((await c.request('/demo/explore')).status).toBe(200)
    // next-auth's own handler decodes it too.
    expect((await c.session()).user).toMatchObject({ onboardingStep: 'COMPLETED' })
  })

  it('without strategy "response" the route leaves the cookie alone (the other strategies update it afterwards)', async () => {
    const c = await signedIn()
    const reply = await c.complete({ goal: 'learn' })
    expect(reply.status).toBe(200)
    expect(reply.headers.getSetCookie()).toEqual([])
    expect((await c.claims())!.onboardingStep).toBe('INITIAL')
  })

  it('takes no claims from the body: extra fields are a 400 and change nothing', async () => {
    const c = await signedIn()
    const before = await c.claims()
    const reply = await c.complete({ goal: 'learn', strategy: 'response', role: 'admin', onboardingStep: 'COMPLETED' })
    expect(reply.status).toBe(400)
    expect(reply.json.error).toMatch(/Invalid body/)
    expect(reply.headers.getSetCookie()).toEqual([])
    expect(await c.claims()).toEqual(before)
    const bad = await c.complete({ goal: 'learn', strategy: 'server' })
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatch(/strategy/)
  })

  it('refuses a caller with no session (401) and sets no cookie', async () => {
    const reply = await new Client(server.url).complete({ goal: 'learn', strategy: 'response' })
    expect(reply.status).toBe(401)
    expect(reply.headers.getSetCookie()).toEqual([])
  })

  it('removes stale chunks: a browser holding .0 and .1 ends with one cookie', async () => {
    const c = await signedIn()
    const value = c.jar.get(NAME)!
    c.jar.delete(NAME)
    c.jar.set(`${NAME}.0`, value.slice(0, 100))
    c.jar.set(`${NAME}.1`, value.slice(100))
    expect((await c.request('/api/demo/token')).json.cookie.chunks).toBe(2)
    const reply = await c.complete({ goal: 'ship', strategy: 'response' })
    const cookies = reply.headers.getSetCookie()
    expect(cookies.filter((line) => line.startsWith(`${NAME}.`)).every((line) => /Max-Age=0/.test(line))).toBe(true)
    expect(cookies.map((line) => line.split('=')[0]).sort()).toEqual([NAME, `${NAME}.0`, `${NAME}.1`])
    expect([...c.jar.keys()].filter((k) => k.startsWith(NAME))).toEqual([NAME])
    const token = (await c.request('/api/demo/token')).json
    expect(token.cookie.chunks).toBe(1)
    expect(token.claims.onboardingStep).toBe('COMPLETED')
  })

  it('reset with strategy "response" puts the cookie back to INITIAL in the same way', async () => {
    const c = await signedIn()
    await c.complete({ goal: 'learn', strategy: 'response' })
    const reply = await c.request('/api/demo/onboarding/reset', { method: 'POST', body_json: { strategy: 'response' } })
    expect(reply.status).toBe(200)
    expect((await c.claims())!.onboardingStep).toBe('INITIAL')
    expect((await c.request('/demo/explore')).status).toBe(307)
  })
})

describe('on https', () => {
  it('uses the __Secure- name and the Secure attribute, as next-auth does', async () => {
    const secure = await startServer({ env: { NEXTAUTH_URL: 'https://localhost' } })
    try {
      // The server speaks plain http on loopback; NEXTAUTH_URL tells next-auth (and the demo) it is behind https.
      const c = await signedIn(secure.url)
      expect([...c.jar.keys()]).toContain(`__Secure-${NAME}`)
      const reply = await c.complete({ goal: 'learn', strategy: 'response' })
      expect(reply.status).toBe(200)
      const [line] = reply.headers.getSetCookie()
      expect(line).toMatch(new RegExp(`^__Secure-${NAME}=[^;]+; Path=/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$`))
      expect((await c.claims())!.onboardingStep).toBe('COMPLETED')
    } finally {
      await secure.stop({ clean: true })
    }
  })
})
