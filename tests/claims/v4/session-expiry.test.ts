// next-auth 4's session read slides the expiry: GET /api/auth/session re-encodes the token and sets it again.
import { decode } from 'next-auth/jwt'
import { expect, it } from 'vitest'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

const COOKIE = 'next-auth.session-token'
const exp = async (token: string) => (await decode({ token, secret: process.env.NEXTAUTH_SECRET! }))!.exp as number

claim('session-read-slides-expiry', ['v4'], () => {
  it('a later GET /api/auth/session answers with the token re-encoded, its exp moved on, in a new Set-Cookie', async () => {
    const { client } = await serve([])
    const c = await client('Ada')
    const before = c.jar.get(COOKIE)!
    await new Promise((r) => setTimeout(r, 1_100)) // exp is in whole seconds
    const reply = await c.request('/api/auth/session')
    expect(reply.headers.getSetCookie().some((line) => line.startsWith(`${COOKIE}=`))).toBe(true)
    expect(c.jar.get(COOKIE)).not.toBe(before)
    expect(await exp(c.jar.get(COOKIE)!)).toBeGreaterThan(await exp(before))
  })
})
