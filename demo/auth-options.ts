import type { NextAuthOptions } from 'next-auth'
import { PROVIDERS, isNaiveSession, sessionFromToken, tokenFromRow, tokenFromUser, userFromRow } from './claims'
import { fitsOneCookie, withinCookieBudget } from './cookie-budget'
import { githubProvider } from './providers/github'
import { guestProvider } from './providers/guest'
import { sessionUpdateProvider } from './providers/session-update'
import { naiveSessionUpdateProvider } from './providers/session-update-naive'
import { restoreProvider } from './providers/restore'
import { safeRedirect } from './safe-redirect'
import { assertAdmitted, honour } from './session-access'
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
          // A fresh sign-in starts at the row's epoch (sign out everywhere never refuses the next sign-in); a
          // suspended user gets no session: the throw makes next-auth refuse the sign-in (error=Callback).
          assertAdmitted({ sub: row.id, epoch: row.sessionEpoch }, row)
          return tokenFromUser(token, { ...userFromRow(row), epoch: row.sessionEpoch }, PROVIDERS.github)
        }
        return tokenFromUser(token, user, account.provider)
      }
      // Someone else may have suspended the user or signed them out everywhere (demo/stale): the session's policy
      // decides (session-access.ts honour). A throw is what makes next-auth v4's session route clear the cookie
      // (core/routes/session.js, catch → sessionStore.clean()); a null here would not.
      token = honour(token)
      if (trigger === 'update') {
        // A naive session names whatever user the browser chose: copying that row in would hand it another
        // user's claims. Refused: the token stays as it is (the red banner stays, "Return as yourself" restores).
        if (isNaiveSession(token)) return token
        // The built-in update(): whatever the client sent is ignored; the row is the truth.
        const row = token.sub ? touchUser(token.sub) : undefined
        // update() mints from the row, so the row must admit this session now, whatever its policy (a policy of
        // "none" keeps an existing session, never renews a suspended or revoked one). A gone row (an idle guest,
        // cleaned up) ends it too. Decided on the row just read: no extra read. The throw clears the cookie.
        assertAdmitted(token, row)
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
