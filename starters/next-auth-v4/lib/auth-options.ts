import { randomUUID } from 'node:crypto'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { z } from 'zod'
import { tokenWithRow } from './claims'
import { gitHubProvider, resolveGitHubUser, type VerifiedGitHubProfile } from './github'
import { isOlderThanRecentWrite } from './recent-writes'
import { authSecret } from './secret'
import { USE_SECURE_COOKIES } from './secure-cookies'
import { readSessionToken } from './session-cookie'
import { verifyTicket } from './ticket'
import { findLinkedUser, findOrCreateUserByEmail, findUserById } from './users'

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
    const row = await findOrCreateUserByEmail(email.data)
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
    const current = await readSessionToken(req.headers)
    if (!current?.sub || !current.sid) throw new Error('No current session: a ticket only updates the session it was issued to.')
    const ticket = await verifyTicket(credentials?.ticket)
    if (ticket.sub !== current.sub) throw new Error('This ticket was issued to another user.')
    if (ticket.sid !== current.sid) throw new Error('This ticket was issued to another session.')
    if (ticket.ver <= (current.ver ?? 0)) throw new Error('This ticket is not newer than your session: it was used already.')
    const row = await findUserById(ticket.sub)
    if (!row) throw new Error('This user no longer exists.')
    return { id: row.id, email: row.email, name: row.name, sid: current.sid }
  },
})

const githubProviders =
  process.env.GITHUB_ID && process.env.GITHUB_SECRET
    ? [gitHubProvider(process.env.GITHUB_ID, process.env.GITHUB_SECRET)]
    : []

export const authOptions: NextAuthOptions = {
  // Read when a request needs it, not when the module loads: `next build` needs no secret.
  get secret() {
    return authSecret()
  },
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
  // Unset (undefined): next-auth picks the cookie names per request; lib/secure-cookies.ts decides the same way.
  useSecureCookies: USE_SECURE_COOKIES,
  pages: { signIn: '/signin', error: '/signin' },
  providers: [...(devSignInEnabled() ? [devProvider] : []), ...githubProviders, ticketProvider],
  callbacks: {
    async signIn({ account, profile, user }) {
      if (account?.provider !== 'github') return true
      // Links or creates the user (lib/github.ts); an email someone else holds links only when GitHub verified it.
      const github = profile as VerifiedGitHubProfile
      const decision = await resolveGitHubUser({
        providerAccountId: account.providerAccountId,
        email: github.email,
        emailVerified: github.email_verified === true,
        name: user.name,
      })
      return decision.ok ? true : `/signin?error=${decision.code}`
    },
    async jwt({ token, user, account, trigger }) {
      if (user && account) {
        // Every sign-in, OAuth included, reads the claims from the row: a GitHub profile has no role or
        // onboardingStep, and a returning user must keep COMPLETED.
        const row =
          account.type === 'oauth' ? await findLinkedUser(account.provider, account.providerAccountId) : await findUserById(user.id)
        if (!row) throw new Error('Unknown user.')
        // A ticket continues the current session (same sid); any other sign-in starts a new one.
        const sid = account.provider === TICKET_PROVIDER_ID && user.sid ? user.sid : randomUUID()
        return { ...tokenWithRow(token, row), sid }
      }
      if (trigger === 'update' || isOlderThanRecentWrite(token.sid, token.ver)) {
        // update(data): `data` is whatever the client sent. Ignore it; the row is the truth.
        // A plain read whose token predates a recent write (lib/recent-writes.ts): re-read the row too, or a
        // session read that set off before the mutation would hand the old claims back after it.
        const row = token.sub ? await findUserById(token.sub) : undefined
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
