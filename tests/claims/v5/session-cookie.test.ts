// Auth.js v5's session cookie as @auth/core sets it: name, attributes, encryption, and the key salted with the name.
import { decode } from '@auth/core/jwt'
import { expect, it } from 'vitest'
import { Client } from '../../support/client'
import { authFetch } from '@/content/v5/testing/auth-fetch'
import { auth, signInProvider } from '../../snippets/v5/setup'
import { claim } from '../support/claim'

const protectedHeader = (jwe: string) => JSON.parse(Buffer.from(jwe.split('.')[0], 'base64url').toString())
const secret = () => process.env.AUTH_SECRET!

claim('v5-session-cookie-format', ['v5'], () => {
  it('authjs.session-token, HttpOnly, a JWE with A256CBC-HS512; __Secure-authjs.session-token over https', async () => {
    const c = await auth([])()
    const reply = await c.callback('sign-in', { name: 'Ada' })
    expect(reply.headers.getSetCookie().find((l) => l.startsWith('authjs.session-token='))).toMatch(/; HttpOnly/)
    expect(protectedHeader(c.jar.get('authjs.session-token')!)).toMatchObject({ alg: 'dir', enc: 'A256CBC-HS512' })

    const https = new Client('https://localhost:3000', authFetch({ secret: secret(), providers: [signInProvider] }))
    await https.callback('sign-in', { name: 'Ada' })
    expect([...https.jar.keys()]).toContain('__Secure-authjs.session-token')
  })
})

claim('v5-key-salted-with-cookie-name', ['v5'], () => {
  it('the key is derived from AUTH_SECRET salted with the cookie name: the token does not decrypt under the other name', async () => {
    const c = await auth([])('Ada')
    const token = c.jar.get('authjs.session-token')!
    expect(await decode({ token, secret: secret(), salt: 'authjs.session-token' })).toMatchObject({ name: 'Ada' })
    await expect(decode({ token, secret: secret(), salt: '__Secure-authjs.session-token' })).rejects.toThrow()
  })
})
