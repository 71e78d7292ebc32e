// What every v4 snippet test needs: secrets, a way to sign in for real, and the snippet's handler served over HTTP.
import type { AuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { afterAll } from 'vitest'
import { serveAuth } from '@/content/v4/testing/serve-auth'
import { Client } from '../../support/client'
import { firstSignIn } from '../support/first-sign-in'

process.env.NEXTAUTH_SECRET = 'v4-snippet-tests-secret-0123456789abcdef'

/** An ordinary first sign-in (as GitHub would be in the article): a new user row, INITIAL. */
export const signInProvider = CredentialsProvider({
  id: 'sign-in',
  credentials: { name: { type: 'text' } },
  authorize: (credentials) => firstSignIn(credentials?.name) as never,
})

const servers: { close(): Promise<void> }[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

/** `more`: other options (events, …) beside the providers and callbacks. */
export async function serve(providers: AuthOptions['providers'], callbacks?: AuthOptions['callbacks'], routes?: Parameters<typeof serveAuth>[1], more?: Partial<AuthOptions>) {
  const server = await serveAuth({ ...more, providers: [signInProvider, ...providers], callbacks, session: { strategy: 'jwt' } }, routes)
  servers.push(server)
  const client = async (name?: string) => {
    const c = new Client(server.url)
    if (name) {
      const reply = await c.callback('sign-in', { name })
      if (reply.status !== 200) throw new Error(`sign-in failed: ${reply.status} ${reply.text}`)
    }
    return c
  }
  return { url: server.url, client }
}
