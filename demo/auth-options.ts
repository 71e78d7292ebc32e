import type { NextAuthOptions } from 'next-auth'
import { PROVIDERS, sessionFromToken, tokenFromRow, tokenFromUser, userFromRow } from './claims'
import { withinCookieBudget } from './cookie-budget'
import { githubProvider } from './providers/github'
import { guestProvider } from './providers/guest'
import { sessionUpdateProvider } from './providers/session-update'
import { naiveSessionUpdateProvider } from './providers/session-update-naive'
import { authSecret } from './secret'
import { isOlderThanRecentWrite } from './recent-writes'
import { SESSION_MAX_AGE } from './session-max-age'
import { findUser, upsertGithubUser } from './users'

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
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
          return tokenFromUser(token, userFromRow(row), PROVIDERS.github)
        }
        return tokenFromUser(token, user, account.provider)
      }
      if (trigger === 'update') {
        // The built-in update(): whatever the client sent is ignored; the row is the truth.
        const row = token.sub ? findUser(token.sub) : undefined
        return row ? tokenFromRow(token, row) : token
      }
      if (!trigger && token.mintedBy !== PROVIDERS.naive && isOlderThanRecentWrite(token.sub, token.ver)) {
        // A plain read racing an update (see recent-writes.ts): never write an older token back; re-read
        // the row instead. The naive provider's sessions are left as their forger minted them (attack lab).
        const row = findUser(token.sub!)
        return row ? tokenFromRow(token, row) : token
      }
      return token
    },
    async session({ session, token }) {
      return sessionFromToken(session, token)
    },
  },
}
