// Chapters 6 and 7 in Auth.js v5: update() as the client sends it, and the auth() middleware gate.
// setup first: auth.ts reads AUTH_SECRET when it is imported.
import { ORIGIN, auth } from './setup'
import { gate as gateOf } from '../support/gate'
import { describe, expect, it } from 'vitest'
import { db } from '@/content/shared/users'
import middleware from '@/content/v5/middleware'
import { callbacks } from '@/content/v5/update-callbacks'

describe('v5 update() (chapter 6)', () => {
  it('with no argument is a GET: trigger is undefined and the claims stay stale; update({}) refreshes them', async () => {
    const c = await auth([], callbacks)('Ada')
    const id = (await c.session()).user.id
    await db.completeOnboarding(id)
    // update() → fetchData("session") with no body: GET /api/auth/session
    expect((await c.request('/api/auth/session')).json.user.onboardingStep).toBe('INITIAL')
    // update({}) → POST /api/auth/session { csrfToken, data: {} }: trigger "update"
    expect((await c.update({})).json.user.onboardingStep).toBe('COMPLETED')
  })

  it('validates what the client sends and takes authority claims from the database', async () => {
    const c = await auth([], callbacks)('Ada')
    const reply = await c.update({ role: 'admin', onboardingStep: 'COMPLETED', name: 'Ada L.' })
    expect(reply.json.user).toMatchObject({ name: 'Ada', role: 'reader', onboardingStep: 'INITIAL' })
    expect((await c.update({ name: 'Ada L.' })).json.user.name).toBe('Ada L.')
  })

  it('refuses an update without the CSRF token', async () => {
    const c = await auth([], callbacks)('Ada')
    const before = c.jar.get('authjs.session-token')
    const reply = await c.request('/api/auth/session', { method: 'POST', body_json: { csrfToken: 'forged', data: { name: 'Eve' } } })
    // @auth/core/index.js:126-129: a failed CSRF check on POST /session answers 400 with a null body.
    expect(reply.status).toBe(400)
    expect(reply.json).toBeNull()
    expect(c.jar.get('authjs.session-token')).toBe(before)
  })
})

describe('v5 auth() middleware (chapter 7)', () => {
  // Next.js sets x-forwarded-proto; without it Auth.js assumes https and looks for __Secure-authjs.session-token.
  const gate = (path: string, cookie = '') => gateOf(middleware as never, `${ORIGIN}${path}`, { cookie, 'x-forwarded-proto': 'http' })

  it('holds INITIAL users at onboarding until update({}) rewrites the cookie', async () => {
    expect(await gate('/explore')).toBe('/signin')
    const c = await auth([], callbacks)('Ada')
    expect(await gate('/explore', c.cookieHeader())).toBe('/onboarding')
    expect(await gate('/onboarding', c.cookieHeader())).toBe('through')
    await db.completeOnboarding((await c.session()).user.id)
    expect(await gate('/explore', c.cookieHeader())).toBe('/onboarding')
    await c.update({})
    expect(await gate('/explore', c.cookieHeader())).toBe('through')
  })
})
