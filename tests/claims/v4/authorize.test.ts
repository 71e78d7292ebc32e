// What next-auth 4 hands a Credentials provider's authorize, through its real handler.
import { getToken } from 'next-auth/jwt'
import CredentialsProvider from 'next-auth/providers/credentials'
import { expect, it } from 'vitest'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

claim('v4-authorize-req-no-cookies', ['v4'], () => {
  it('authorize gets the request’s headers, Cookie included, but no parsed cookies: getToken({ req }) finds nothing', async () => {
    const seen: { cookieHeader?: string; cookies?: unknown; token?: unknown } = {}
    const probe = CredentialsProvider({
      id: 'session-update',
      credentials: {},
      authorize: async (_credentials, req) => {
        seen.cookieHeader = req.headers?.cookie
        seen.cookies = (req as { cookies?: unknown }).cookies
        seen.token = await getToken({ req: req as never, secret: process.env.NEXTAUTH_SECRET })
        return null
      },
    })
    const { client } = await serve([probe])
    const c = await client('Ada')
    await c.callback('session-update', {})
    expect(seen.cookieHeader).toContain('next-auth.session-token=')
    expect(seen.cookies).toBeUndefined()
    expect(seen.token).toBeNull()
  })
})
