// What Auth.js v5's client resolves with when the server refuses a credentials sign-in: the real next-auth 5
// react signIn, answered by Auth.js in process (tests/snippets/v5/setup.ts).
import Credentials from 'next-auth/providers/credentials'
import { signIn } from 'next-auth/react'
import { expect, it } from 'vitest'
import { asBrowser } from '../../snippets/support/browser'
import { ORIGIN, auth } from '../../snippets/v5/setup'
import { claim } from '../support/claim'

const refusing = Credentials({ id: 'session-update', credentials: {}, authorize: async () => null })

claim('v5-refused-signin-ok-true', ['v5'], () => {
  it('signIn(…, { redirect: false }) resolves ok: true with error "CredentialsSignin" when authorize refuses', async () => {
    const c = await auth([refusing])('Ada')
    const result = await asBrowser(ORIGIN, c, () => signIn('session-update', { redirect: false }))
    expect(result).toMatchObject({ ok: true, status: 200, error: 'CredentialsSignin' })
  })
})
