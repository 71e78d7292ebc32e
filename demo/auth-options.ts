import type { NextAuthOptions } from 'next-auth'
import { PROVIDERS, sessionFromToken, tokenFromRow, tokenFromUser, userFromRow } from './claims'
import { withinCookieBudget } from './cookie-budget'
import { githubProvider } from './providers/github'
import { guestProvider } from './providers/guest'
import { sessionUpdateProvider } from './providers/session-update'
import { naiveSessionUpdateProvider } from './providers/session-update-naive'
import { checkInJwtCallback, currentEpoch } from './stale/jwt-check'
import { authSecret } from './secret'
import { findUser, upsertGithubUser } from './users'

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt' },
  pages: { signIn: '/demo', error: '/demo' },
  providers: [guestProvider, ...githubProvider(), sessionUpdateProvider, naiveSessionUpdateProvider].map(withinCookieBudget),
  callbacks: {
    async jwt({ token, user, account, trigger }) {
      if (trigger === 'signIn' && user && account) {
        if (account.provider === PROVIDERS.github) {
          const row = upsertGithubUser({
            githubId: account.providerAccountId,
            name: user.name ?? 'GitHub user',
            email: user.email,
            image: user.image,
          })
          return tokenFromUser(token, { ...userFromRow(row), epoch: currentEpoch(row.id) }, PROVIDERS.github)
        }
        return tokenFromUser(token, user, account.provider)
      }
      // Someone else may have suspended the user or signed them out everywhere (demo/stale): throws to end it.
      token = checkInJwtCallback(token)
      if (trigger === 'update') {
        // The built-in update(): whatever the client sent is ignored; the row is the truth.
        const row = token.sub ? findUser(token.sub) : undefined
        return row ? tokenFromRow(token, row) : token
      }
      return token
    },
    async session({ session, token }) {
      return sessionFromToken(session, token)
    },
  },
}
