import type { NextAuthOptions } from 'next-auth'
import { PROVIDERS, isNaiveSession, sessionFromToken, tokenFromRow, tokenFromUser, userFromRow } from './claims'
import { fitsOneCookie, withinCookieBudget } from './cookie-budget'
import { githubProvider } from './providers/github'
import { guestProvider } from './providers/guest'
import { sessionUpdateProvider } from './providers/session-update'
import { naiveSessionUpdateProvider } from './providers/session-update-naive'
import { restoreProvider } from './providers/restore'
import { safeRedirect } from './safe-redirect'
import { checkInJwtCallback, currentEpoch } from './stale/jwt-check'
import { authSecret } from './secret'
import { isOlderThanRecentWrite } from './recent-writes'
import { SESSION_MAX_AGE } from './session-max-age'
import { findUser, touchUser, upsertGithubUser } from './users'

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE },
  pages: { signIn: '/demo', error: '/demo' },
  providers: [guestProvider, ...githubProvider(), sessionUpdateProvider, naiveSessionUpdateProvider, restoreProvider].map(withinCookieBudget),
  callbacks: {
    // Every callbackUrl next-auth follows goes through the demo's one same-origin check.
    redirect({ url, baseUrl }) {
      return baseUrl + safeRedirect(url, baseUrl, '/demo')
    },
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
        // A naive session names whatever user the browser chose: copying that row in would hand it another
        // user's claims. Refused: the token stays as it is (the red banner stays, "Return as yourself" restores).
        if (isNaiveSession(token)) return token
        // The built-in update(): whatever the client sent is ignored; the row is the truth.
        const row = token.sub ? touchUser(token.sub) : undefined
        // The row is gone (an idle guest, cleaned up): throwing here makes next-auth clear the session cookie
        // and answer an empty session (core/routes/session.js: its catch calls sessionStore.clean()).
        if (!row) throw new Error('The user of this session no longer exists: signed out.')
        const next = tokenFromRow(token, row)
        // The same one-cookie budget as sign-ins: an update that would need two cookies keeps the old token.
        return (await fitsOneCookie(next)) ? next : token
      }
      if (!trigger && !isNaiveSession(token) && isOlderThanRecentWrite(token.sub, token.ver)) {
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
