// next-auth 5's getToken (next-auth/jwt, from @auth/core/jwt): where it takes the secret from.
import { getToken } from 'next-auth/jwt'
import { expect, it } from 'vitest'
import { auth, ORIGIN } from '../../snippets/v5/setup'
import { claim } from '../support/claim'

claim('v5-gettoken-secret-argument', ['v5'], () => {
  it('without `secret` in its arguments getToken refuses (MissingSecret), though AUTH_SECRET is set; with it, it decodes', async () => {
    expect(process.env.AUTH_SECRET).toBeTruthy()
    const c = await auth([])('Ada')
    const req = new Request(`${ORIGIN}/`, { headers: { cookie: c.cookieHeader() } })
    await expect(getToken({ req, secureCookie: false })).rejects.toThrow(/Must pass `secret`/)
    expect(await getToken({ req, secureCookie: false, secret: process.env.AUTH_SECRET })).toMatchObject({ name: 'Ada' })
  })
})
