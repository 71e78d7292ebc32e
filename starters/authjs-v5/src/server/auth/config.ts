// The Auth.js config (create-t3-app's src/server/auth/config.ts). One config for everything: Next 16's proxy runs
// on Node.js, so the edge-safe split (auth.config.ts without the database) is no longer forced. The gate still
// reads only the token: the jwt callback touches the database at sign-in, on update, and only when a plain read
// races the session's own update (race-guard.ts).
import { randomUUID } from 'node:crypto'
import type { NextAuthConfig } from 'next-auth'
import GitHub from 'next-auth/providers/github'
import { env, hostTrusted } from '~/env'
import { findUserByGithubId, findUserById } from '~/server/db/users'
import { applyClaims } from './claims'
import { devProvider, devSignInEnabled } from './dev-provider'
import { fetchGithubEmails, linkGithubSignIn } from './github-link'
import { olderThanReissue, rememberReissue } from './race-guard'
import { sessionUpdateProvider } from './session-update-provider'

export const githubEnabled = Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET)

export const authConfig = {
  secret: env.AUTH_SECRET,
  // Whether Auth.js may take the origin from Host / X-Forwarded-*: AUTH_TRUST_HOST, VERCEL=1, AUTH_URL, or
  // development (src/env.js hostTrusted). In production without any of them `npm start` refuses to start.
  trustHost: hostTrusted(env),
  providers: [...(githubEnabled ? [GitHub] : []), ...(devSignInEnabled ? [devProvider] : []), sessionUpdateProvider],
  session: { strategy: 'jwt' },
  pages: { signIn: '/signin', error: '/signin' },
  callbacks: {
    // GitHub: link or refuse before any cookie is written (github-link.ts). A string is where Auth.js redirects.
    async signIn({ account, profile }) {
      if (account?.provider !== 'github') return true
      const emails = account.access_token ? await fetchGithubEmails(account.access_token) : []
      const result = await linkGithubSignIn({ githubId: account.providerAccountId, name: profile?.name, profileEmail: profile?.email, emails })
      return 'refused' in result ? `/signin?error=${result.refused}` : true
    },
    async jwt({ token, user, account, trigger }) {
      // At EVERY sign-in, OAuth included, the claims come from the row: a GitHub profile has no role or
      // onboardingStep, and a returning user must keep COMPLETED.
      if (trigger === 'signIn' && user && account) {
        const row = account.provider === 'github' ? await findUserByGithubId(account.providerAccountId) : await findUserById(user.id ?? '')
        if (!row) return null // no such user any more: no session
        applyClaims(token, row)
        // A new session id per real sign-in; the session-update provider keeps the caller's.
        token.sid = account.provider === 'session-update' && user.sid ? user.sid : randomUUID()
        if (account.provider === 'session-update') rememberReissue(token.sid, token.ver)
        return token
      }
      // update() from the browser and unstable_update() on the server both land here. The data they carry
      // (`session`) is IGNORED on purpose: the client could send any role. Re-read the row.
      if (trigger === 'update') {
        const row = token.sub ? await findUserById(token.sub) : null
        if (!row) return null
        applyClaims(token, row)
        rememberReissue(token.sid, token.ver)
        return token
      }
      // The race guard: a plain read (no trigger) carrying this session's cookie from before its last update must
      // not re-issue the old claims over the new cookie (race-guard.ts).
      if (olderThanReissue(token.sid, token.ver)) {
        const row = token.sub ? await findUserById(token.sub) : null
        if (!row) return null
        return applyClaims(token, row)
      }
      return token
    },
    // What the browser (useSession) and server components (auth()) see. `sid` stays in the token.
    session({ session, token }) {
      session.user.id = token.sub ?? ''
      session.user.role = token.role
      session.user.onboardingStep = token.onboardingStep
      session.ver = token.ver
      return session
    },
  },
} satisfies NextAuthConfig
