// What update(data) sends (POST /api/auth/session with { csrfToken, data }), answered by next-auth 4's real handler.
import type { CallbacksOptions } from 'next-auth'
import { expect, it, vi } from 'vitest'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

claim('update-post-runs-jwt-with-data', ['v4'], () => {
  it('the POST runs the jwt callback with trigger "update" and the data as `session`; the answer sets the new cookie', async () => {
    const jwt = vi.fn<CallbacksOptions['jwt']>(async ({ token, trigger, session }) => (trigger === 'update' ? { ...token, step: session.step } : token))
    const { client } = await serve([], { jwt })
    const c = await client('Ada')
    const reply = await c.update({ step: 'COMPLETED' })
    expect(jwt.mock.lastCall![0]).toMatchObject({ trigger: 'update', session: { step: 'COMPLETED' } })
    expect(reply.headers.getSetCookie().some((l) => l.startsWith('next-auth.session-token='))).toBe(true)
  })
})
