// What update(data) sends (POST /api/auth/session with { csrfToken, data }), answered by @auth/core's Auth().
import type { NextAuthConfig } from 'next-auth'
import { expect, it, vi } from 'vitest'
import { auth } from '../../snippets/v5/setup'
import { claim } from '../support/claim'

type Jwt = NonNullable<NonNullable<NextAuthConfig['callbacks']>['jwt']>

claim('update-post-runs-jwt-with-data', ['v5'], () => {
  it('the POST runs the jwt callback with trigger "update" and the data as `session`; the answer sets the new cookie', async () => {
    const jwt = vi.fn<Jwt>(async ({ token, trigger, session }) => (trigger === 'update' ? { ...token, step: session.step } : token))
    const c = await auth([], { jwt })('Ada')
    const reply = await c.update({ step: 'COMPLETED' })
    expect(jwt.mock.lastCall![0]).toMatchObject({ trigger: 'update', session: { step: 'COMPLETED' } })
    expect(reply.headers.getSetCookie().some((l) => l.startsWith('authjs.session-token='))).toBe(true)
  })
})
