// A pass-through update is a Credentials sign-in to next-auth 4's real handler: what the jwt callback gets, and
// which sign-in hooks run again.
import type { CallbacksOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { expect, it, vi } from 'vitest'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

const RETURNED = { id: 'u-1', name: 'Ada', email: 'ada@example.com', image: 'https://example.com/a.png', role: 'admin', access_token: 'gho_x' }
const passThrough = CredentialsProvider({ id: 'session-update', credentials: {}, authorize: async () => RETURNED as never })

claim('credentials-fresh-token', ['v4'], () => {
  it('authorize’s return is the sign-in’s user; the token handed to jwt holds its name, email, image as picture, id as sub, nothing else', async () => {
    const jwt = vi.fn<CallbacksOptions['jwt']>(async ({ token }) => token)
    const { client } = await serve([passThrough], { jwt })
    const c = await client('Ada')
    await c.callback('session-update', {})
    const last = jwt.mock.lastCall![0]
    expect(last.trigger).toBe('signIn')
    expect(last.user).toEqual(RETURNED)
    expect(last.token).toEqual({ name: 'Ada', email: 'ada@example.com', picture: 'https://example.com/a.png', sub: 'u-1' })
  })
})

claim('pass-through-is-a-sign-in', ['v4'], () => {
  it('each update runs callbacks.signIn and events.signIn again, and the jwt callback sees account.provider "session-update"', async () => {
    const signIn = vi.fn(async () => true)
    const event = vi.fn()
    const jwt = vi.fn<CallbacksOptions['jwt']>(async ({ token }) => token)
    const { client } = await serve([passThrough], { signIn, jwt }, {}, { events: { signIn: event } })
    const c = await client('Ada')
    const [callbacksBefore, eventsBefore] = [signIn.mock.calls.length, event.mock.calls.length]
    await c.callback('session-update', {})
    await c.callback('session-update', {})
    expect(signIn.mock.calls.length - callbacksBefore).toBe(2)
    expect(event.mock.calls.length - eventsBefore).toBe(2)
    expect(jwt.mock.lastCall![0].account?.provider).toBe('session-update')
  })
})
