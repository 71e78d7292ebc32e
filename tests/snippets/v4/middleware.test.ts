// Chapter 7: the onboarding gate with withAuth, fed real session cookies from next-auth 4.
import { describe, expect, it } from 'vitest'
import { db } from '@/content/shared/users'
import { callbacks } from '@/content/v4/update-callbacks'
import middleware, { config } from '@/content/v4/middleware'
import { gate as gateOf } from '../support/gate'
import { serve } from './setup'

const gate = (path: string, cookie = '') => gateOf(middleware as never, `http://localhost${path}`, { cookie })

describe('the onboarding gate (chapter 7)', () => {
  it('sends visitors with no session to sign-in, and INITIAL users to onboarding, with no loop', async () => {
    expect(await gate('/explore')).toBe('/api/auth/signin')
    const { client } = await serve([], callbacks)
    const c = await client('Ada')
    expect(await gate('/explore', c.cookieHeader())).toBe('/onboarding')
    expect(await gate('/onboarding', c.cookieHeader())).toBe('through')
  })

  it('lets the user through on the request after update(), and not before', async () => {
    const { client } = await serve([], callbacks)
    const c = await client('Ada')
    await db.completeOnboarding((await c.session()).user.id)
    expect(await gate('/explore', c.cookieHeader())).toBe('/onboarding')
    await c.update({})
    expect(await gate('/explore', c.cookieHeader())).toBe('through')
  })

  it('matches pages, not next-auth’s routes, static files or the sign-in page', () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`)
    for (const path of ['/explore', '/onboarding', '/']) expect(matcher.test(path), path).toBe(true)
    for (const path of ['/api/auth/session', '/api/onboarding/complete', '/_next/static/x.js', '/favicon.ico', '/logo.png', '/signin']) expect(matcher.test(path), path).toBe(false)
  })
})
