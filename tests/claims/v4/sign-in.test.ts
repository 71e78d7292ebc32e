// What next-auth 4's client resolves with when the server refuses a credentials sign-in, through the real handler
// and the real next-auth/react signIn (run as a browser would, tests/snippets/support/browser.ts).
import CredentialsProvider from 'next-auth/providers/credentials'
import { signIn } from 'next-auth/react'
import { expect, it } from 'vitest'
import { asBrowser } from '../../snippets/support/browser'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

const refusing = CredentialsProvider({ id: 'session-update', credentials: {}, authorize: async () => null })

claim('v4-refused-signin-401', ['v4'], () => {
  it('signIn(…, { redirect: false }) resolves ok: false, status 401, error "CredentialsSignin" when authorize refuses', async () => {
    const { url, client } = await serve([refusing])
    const c = await client('Ada')
    const result = await asBrowser(url, c, () => signIn('session-update', { redirect: false }))
    expect(result).toMatchObject({ ok: false, status: 401, error: 'CredentialsSignin' })
  })
})
