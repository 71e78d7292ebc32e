import { randomUUID } from 'node:crypto'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import GitHubProvider from 'next-auth/providers/github'
import { z } from 'zod'
import { tokenWithRow } from './claims'
import { authSecret } from './secret'
import { readSessionToken } from './session-cookie'
import { verifyTicket } from './ticket'
import { findOrCreateUserByEmail, findUserById, upsertOAuthUser } from './users'

/** 30 days, next-auth's default, written out because lib/reissue-session.ts must use the same. */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60
export const TICKET_PROVIDER_ID = 'session-update'

/** Email-only sign-in for development and tests. Anyone can be anyone: never enable it on a public site. */
export const devSignInEnabled = () => process.env.NODE_ENV !== 'production' || process.env.DEV_SIGN_IN === '1'

const devProvider = CredentialsProvider({
  id: 'dev',
  name: 'Email (development only)',
  credentials: { email: { label: 'Email', type: 'email' } },
  async authorize(credentials) {
    const email = z.email().max(200).safeParse(credentials?.email?.trim())
    if (!email.success) throw new Error('Enter a valid email address.')
    const row = findOrCreateUserByEmail(email.data)
    return { id: row.id, email: row.email, name: row.name }
  },
})

/**
 * The hardened pass-through: the client can only hand back a ticket the server signed after a mutation,
 * for this user, this session, and a newer row version. The claims themselves come from the row (jwt callback).
 */
const ticketProvider = CredentialsProvider({
  id: TICKET_PROVIDER_ID,
  name: 'Session update (signed ticket)',
  credentials: { ticket: { label: 'Ticket', type: 'text' } },
  async authorize(credentials, req) {
    const current = await readSessionToken(req.headers?.cookie)
    if (!current?.sub || !current.sid) throw new Error('No current session: a ticket only updates the session it was issued to.')
    const ticket = await verifyTicket(credentials?.ticket)
    if (ticket.sub !== current.sub) throw new Error('This ticket was issued to another user.')
    if (ticket.sid !== current.sid) throw new Error('This ticket was issued to another session.')
    if (ticket.ver <= (current.ver ?? 0)) throw new Error('This ticket is not newer than your session: it was used already.')
    const row = findUserById(ticket.sub)
    if (!row) throw new Error('This user no longer exists.')
    return { id: row.id, email: row.email, name: row.name, sid: current.sid }
  },
})

const githubProviders =
  process.env.GITHUB_ID && process.env.GITHUB_SECRET
    ? [GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })]
    : []

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
  pages: { signIn: '/signin', error: '/signin' },
  providers: [...(devSignInEnabled() ? [devProvider] : []), ...githubProviders, ticketProvider],
  callbacks: {
    async jwt({ token, user, account, trigger }) {
      if (user && account) {
        // Every sign-in, OAuth included, reads the claims from the row: a GitHub profile has no role or
        // onboardingStep, and a returning user must keep COMPLETED.
        const row =
          account.type === 'oauth'
            ? upsertOAuthUser({ provider: account.provider, providerAccountId: account.providerAccountId, email: user.email, name: user.name })
            : findUserById(user.id)
        if (!row) throw new Error('Unknown user.')
        // A ticket continues the current session (same sid); any other sign-in starts a new one.
        const sid = account.provider === TICKET_PROVIDER_ID && user.sid ? user.sid : randomUUID()
        return { ...tokenWithRow(token, row), sid }
      }
      if (trigger === 'update') {
        // useSession().update(data): `data` is whatever the client sent. Ignore it; the row is the truth.
        const row = token.sub ? findUserById(token.sub) : undefined
        return row ? tokenWithRow(token, row) : token
      }
      return token
    },
    async session({ session, token }) {
      session.user = {
        id: token.sub ?? '',
        email: token.email,
        name: token.name,
        role: token.role ?? 'user',
        onboardingStep: token.onboardingStep ?? '',
      }
      return session
    },
  },
}
