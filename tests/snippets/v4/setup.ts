// What every v4 snippet test needs: secrets, a way to sign in for real, and the snippet's handler served over HTTP.
import { randomUUID } from 'node:crypto'
import type { AuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { afterAll } from 'vitest'
import { db } from '@/content/shared/users'
import { serveAuth } from '@/content/v4/testing/serve-auth'
import { Client } from '../../support/client'

process.env.NEXTAUTH_SECRET = 'v4-snippet-tests-secret-0123456789abcdef'
process.env.SESSION_UPDATE_SECRET = 'ticket-secret-for-tests-0123456789abcdef'

/** An ordinary first sign-in (as GitHub would be in the article): a new user row, INITIAL. */
export const signInProvider = CredentialsProvider({
  id: 'sign-in',
  credentials: { name: { type: 'text' } },
  async authorize(credentials) {
    const row = await db.createUser(randomUUID(), credentials?.name ?? 'Ada')
    return { id: row.id, name: row.name, role: row.role, onboardingStep: row.onboardingStep, ver: row.version }
  },
})

const servers: { close(): Promise<void> }[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()))
})

export async function serve(providers: AuthOptions['providers'], callbacks?: AuthOptions['callbacks'], routes?: Parameters<typeof serveAuth>[1]) {
  const server = await serveAuth({ providers: [signInProvider, ...providers], callbacks, session: { strategy: 'jwt' } }, routes)
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

export const FORGED_ADMIN = { id: 'admin-0001', name: 'Mallory', role: 'admin', onboardingStep: 'COMPLETED' }
