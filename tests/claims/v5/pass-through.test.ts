// A pass-through update is a Credentials sign-in to Auth.js v5 (@auth/core's Auth()): what the jwt callback gets,
// which sign-in hooks run again, and the id it gives a user returned without one.
import type { NextAuthConfig } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { expect, it, vi } from 'vitest'
import { callbacks } from '@/content/v5/claims-callbacks'
import { sessionUpdateProvider as naiveProvider } from '@/content/v5/naive-provider'
import { auth } from '../../snippets/v5/setup'
import { claim } from '../support/claim'

type Jwt = NonNullable<NonNullable<NextAuthConfig['callbacks']>['jwt']>
const RETURNED = { id: 'u-1', name: 'Ada', email: 'ada@example.com', image: 'https://example.com/a.png', role: 'admin', access_token: 'gho_x' }
const passThrough = Credentials({ id: 'session-update', credentials: {}, authorize: async () => RETURNED as never })

claim('credentials-fresh-token', ['v5'], () => {
  it('authorize’s return is the sign-in’s user; the token handed to jwt holds its name, email, image as picture, id as sub, nothing else', async () => {
    const jwt = vi.fn<Jwt>(async ({ token }) => token)
    const c = await auth([passThrough], { jwt })('Ada')
    await c.callback('session-update', {})
    const last = jwt.mock.lastCall![0]
    expect(last.trigger).toBe('signIn')
    expect(last.user).toEqual(RETURNED)
    expect(last.token).toEqual({ name: 'Ada', email: 'ada@example.com', picture: 'https://example.com/a.png', sub: 'u-1' })
  })
})

claim('pass-through-is-a-sign-in', ['v5'], () => {
  it('each update runs callbacks.signIn and events.signIn again, and the jwt callback sees account.provider "session-update"', async () => {
    const signIn = vi.fn(async () => true)
    const event = vi.fn()
    const jwt = vi.fn<Jwt>(async ({ token }) => token)
    const c = await auth([passThrough], { signIn, jwt }, { events: { signIn: event } })('Ada')
    const [callbacksBefore, eventsBefore] = [signIn.mock.calls.length, event.mock.calls.length]
    await c.callback('session-update', {})
    await c.callback('session-update', {})
    expect(signIn.mock.calls.length - callbacksBefore).toBe(2)
    expect(event.mock.calls.length - eventsBefore).toBe(2)
    expect(jwt.mock.lastCall![0].account?.provider).toBe('session-update')
  })
})

claim('v5-random-sub-without-id', ['v5'], () => {
  it('gives the session a random sub when the returned user has no id: two updates, two different users', async () => {
    const client = auth([naiveProvider], callbacks)
    const [a, b] = [await client(), await client()]
    for (const c of [a, b]) await c.callback('session-update', { user: JSON.stringify({ name: 'Ada', role: 'reader' }) })
    const [ida, idb] = [(await a.session()).user.id, (await b.session()).user.id]
    expect(ida).toMatch(/^[0-9a-f-]{36}$/)
    expect(ida).not.toBe(idb)
  })
})
