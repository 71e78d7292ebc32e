// What Auth.js v5 hands a Credentials provider's authorize, and how it reports authorize's errors (@auth/core Auth()).
import { CredentialsSignin } from '@auth/core/errors'
import { getToken } from 'next-auth/jwt'
import Credentials from 'next-auth/providers/credentials'
import { expect, it } from 'vitest'
import { auth, outcome } from '../../snippets/v5/setup'
import { claim } from '../support/claim'

claim('v5-authorize-gets-request', ['v5'], () => {
  it('authorize gets a Request; getToken reads it given secret and secureCookie, and without a secret refuses, AUTH_SECRET set or not', async () => {
    const seen: { request?: boolean; token?: unknown; withoutSecret?: string } = {}
    const probe = Credentials({
      id: 'session-update',
      credentials: {},
      authorize: async (_credentials, request) => {
        seen.request = request instanceof Request
        seen.token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie: false })
        seen.withoutSecret = await getToken({ req: request }).then(() => 'read', (e: Error) => e.name)
        return null
      },
    })
    expect(process.env.AUTH_SECRET).toBeTruthy()
    const c = await auth([probe])('Ada')
    await c.callback('session-update', {})
    expect(seen.request).toBe(true)
    expect(seen.token).toMatchObject({ name: 'Ada' })
    expect(seen.withoutSecret).toBe('MissingSecret')
  })
})

claim('v5-authorize-error-configuration', ['v5'], () => {
  it('a CredentialsSignin subclass reaches the client as error=CredentialsSignin with its code; any other error as error=Configuration', async () => {
    class Refused extends CredentialsSignin {
      code = 'stale_ticket'
    }
    const throwing = (error: Error) => Credentials({ id: 'session-update', credentials: {}, authorize: async () => Promise.reject(error) })
    const refused = await auth([throwing(new Refused())])('Ada')
    expect(outcome(await refused.callback('session-update', {}))).toMatchObject({ error: 'CredentialsSignin', code: 'stale_ticket' })
    const plain = await auth([throwing(new Error('Invalid ticket'))])('Ada')
    expect(outcome(await plain.callback('session-update', {})).error).toBe('Configuration')
  })
})
