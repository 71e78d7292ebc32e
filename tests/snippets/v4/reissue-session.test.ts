// The one-request update, v4: content/v4/reissue-session.ts writes the session cookie from the mutation's route.
// The cookie it writes is read back by next-auth 4's real handler (GET /api/auth/session) and getToken.
// (Inside a real Next.js server it runs as the demo's strategy "response": tests/integration/one-request-update.test.ts.)
import { NextRequest } from 'next/server'
import { encode } from 'next-auth/jwt'
import { describe, expect, it } from 'vitest'
import { POST as appRoute } from '@/content/v4/reissue-session-app-route'
import pagesRoute from '@/content/v4/reissue-session-pages-route'
import { sessionCookies, SessionTooLargeError } from '@/content/v4/reissue-session'
import { callbacks } from '@/content/v4/update-callbacks'
import type { Client } from '../../support/client'
import { serve } from './setup'

const NAME = 'next-auth.session-token'
const ROUTES = { '/api/onboarding/complete': pagesRoute }

function applySetCookie(c: Client, lines: string[]) {
  for (const line of lines) {
    const [pair, ...attrs] = line.split(';')
    const name = pair.slice(0, pair.indexOf('='))
    if (attrs.some((a) => /max-age=0/i.test(a))) c.jar.delete(name)
    else c.jar.set(name, pair.slice(pair.indexOf('=') + 1))
  }
}

describe('reissueSession (pages API route)', () => {
  it('answers the mutation with the new cookie: next-auth reads COMPLETED with no further request', async () => {
    const { client } = await serve([], callbacks, ROUTES)
    const c = await client('Ada')
    const before = (await c.session()).user
    expect(before.onboardingStep).toBe('INITIAL')
    const reply = await c.request('/api/onboarding/complete', { method: 'POST' })
    expect(reply.status).toBe(200)
    const [line] = reply.headers.getSetCookie()
    expect(line).toMatch(new RegExp(`^${NAME}=[^;]+; Path=/; Expires=[^;]+; HttpOnly; SameSite=Lax$`))
    expect(reply.json.user).toMatchObject({ id: before.id, onboardingStep: 'COMPLETED', version: 2 })
    expect((await c.session()).user).toMatchObject({ id: before.id, name: 'Ada', role: 'reader', onboardingStep: 'COMPLETED' })
  })

  it('refuses a caller with no session and sets nothing', async () => {
    const { client } = await serve([], callbacks, ROUTES)
    const reply = await (await client()).request('/api/onboarding/complete', { method: 'POST' })
    expect(reply.status).toBe(401)
    expect(reply.headers.getSetCookie()).toEqual([])
  })

  it('expires stale chunks so the browser ends with one cookie', async () => {
    const { client } = await serve([], callbacks, ROUTES)
    const c = await client('Ada')
    const value = c.jar.get(NAME)!
    c.jar.delete(NAME)
    c.jar.set(`${NAME}.0`, value.slice(0, 200))
    c.jar.set(`${NAME}.1`, value.slice(200))
    const reply = await c.request('/api/onboarding/complete', { method: 'POST' })
    expect(reply.headers.getSetCookie().filter((l) => /Max-Age=0/.test(l)).map((l) => l.split('=')[0]).sort()).toEqual([`${NAME}.0`, `${NAME}.1`])
    expect([...c.jar.keys()].filter((k) => k.startsWith(NAME))).toEqual([NAME])
    expect((await c.session()).user.onboardingStep).toBe('COMPLETED')
  })
})

describe('the App Router route handler', () => {
  it('sets the same cookie on a NextResponse', async () => {
    const { client } = await serve([], callbacks)
    const c = await client('Ada')
    const res = await appRoute(new NextRequest(`${c.base}/api/onboarding/complete`, { method: 'POST', headers: { cookie: c.cookieHeader() } }))
    expect(res.status).toBe(200)
    const lines = res.headers.getSetCookie()
    expect(lines).toHaveLength(1)
    applySetCookie(c, lines)
    expect((await c.session()).user.onboardingStep).toBe('COMPLETED')
    const anonymous = await appRoute(new NextRequest(`${c.base}/api/onboarding/complete`, { method: 'POST' }))
    expect(anonymous.status).toBe(401)
  })
})

describe('sessionCookies', () => {
  it('uses the __Secure- name and Secure on https, and the given maxAge', async () => {
    const [line] = await sessionCookies({ sub: 'u1' }, {}, { secret: 's', useSecureCookies: true, maxAge: 60 })
    expect(line).toMatch(/^__Secure-next-auth\.session-token=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/)
    const expires = Date.parse(line.match(/Expires=([^;]+)/)![1])
    expect(Math.abs(expires - Date.now() - 60_000)).toBeLessThan(2_000)
  })

  it('refuses a token that would need two cookies', async () => {
    const fat = { sub: 'u1', name: 'x'.repeat(4000) }
    expect((await encode({ token: fat, secret: 's' })).length).toBeGreaterThan(4096 - 163)
    await expect(sessionCookies(fat, {}, { secret: 's' })).rejects.toBeInstanceOf(SessionTooLargeError)
  })
})

