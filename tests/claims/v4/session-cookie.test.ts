// next-auth 4's session cookie as its real handler sets it: name, attributes, encryption, key.
import { decode } from 'next-auth/jwt'
import { afterEach, expect, it } from 'vitest'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

const saved = process.env.NEXTAUTH_URL
afterEach(() => void (process.env.NEXTAUTH_URL = saved))
const protectedHeader = (jwe: string) => JSON.parse(Buffer.from(jwe.split('.')[0], 'base64url').toString())

claim('v4-session-cookie-format', ['v4'], () => {
  it('next-auth.session-token, HttpOnly, SameSite=Lax, Path=/, a JWE with A256GCM under a key from NEXTAUTH_SECRET', async () => {
    const { client } = await serve([])
    const c = await client()
    const reply = await c.callback('sign-in', { name: 'Ada' })
    const line = reply.headers.getSetCookie().find((l) => l.startsWith('next-auth.session-token='))!
    expect(line).toMatch(/; HttpOnly/)
    expect(line).toMatch(/; Path=\/(;|$)/)
    expect(line).toMatch(/; SameSite=Lax/)
    const jwe = c.jar.get('next-auth.session-token')!
    expect(protectedHeader(jwe)).toMatchObject({ alg: 'dir', enc: 'A256GCM' })
    expect(await decode({ token: jwe, secret: process.env.NEXTAUTH_SECRET! })).toMatchObject({ name: 'Ada' })
    await expect(decode({ token: jwe, secret: 'another-secret-0123456789abcdef' })).rejects.toThrow()
  })
  it('is __Secure-next-auth.session-token when NEXTAUTH_URL is https', async () => {
    const { client } = await serve([])
    process.env.NEXTAUTH_URL = 'https://app.example'
    const c = await client('Ada')
    expect([...c.jar.keys()]).toContain('__Secure-next-auth.session-token')
    expect(c.jar.has('next-auth.session-token')).toBe(false)
  })
})
