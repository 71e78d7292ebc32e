// When next-auth 4 runs the jwt callback, and with what: through its real API-route handler.
import type { CallbacksOptions } from 'next-auth'
import { expect, it, vi } from 'vitest'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

/** A jwt callback that keeps the token and records each call's trigger and whether it got `user`. */
const recording = () => vi.fn<CallbacksOptions['jwt']>(async ({ token }) => token)
const calls = (jwt: ReturnType<typeof recording>) => jwt.mock.calls.map(([a]) => ({ trigger: a.trigger, user: !!a.user }))

claim('jwt-user-only-at-signin', ['v4'], () => {
  it('the jwt callback gets `user` on the sign-in call only, not on later session reads', async () => {
    const jwt = recording()
    const { client } = await serve([], { jwt })
    const c = await client('Ada')
    await c.session()
    await c.session()
    expect(calls(jwt)).toEqual([{ trigger: 'signIn', user: true }, { trigger: undefined, user: false }, { trigger: undefined, user: false }])
  })
})

claim('jwt-runs-on-session-read', ['v4'], () => {
  it('every GET /api/auth/session runs the jwt callback once', async () => {
    const jwt = recording()
    const { client } = await serve([], { jwt })
    const c = await client('Ada')
    const before = jwt.mock.calls.length
    for (let i = 0; i < 3; i++) await c.session()
    expect(jwt.mock.calls.length - before).toBe(3)
  })
})
