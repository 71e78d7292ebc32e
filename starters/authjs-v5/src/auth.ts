// The full Auth.js setup (Node.js only: it reads the database). Route handlers, server components,
// Server Actions and tRPC import from here; the middleware imports auth.config.ts only.
import { randomUUID } from 'node:crypto'
import NextAuth, { type NextAuthConfig } from 'next-auth'
import { authConfig } from './auth.config'
import { applyClaims } from './server/auth/claims'
import { devProvider, devSignInEnabled } from './server/auth/dev-provider'
import { sessionUpdateProvider } from './server/auth/session-update-provider'
import { findUserById, upsertUserByGithub } from './server/db/users'
import { authSecret } from './server/secret'

export const authJsConfig = (): NextAuthConfig => ({
  ...authConfig,
  secret: authSecret(),
  providers: [...authConfig.providers, ...(devSignInEnabled ? [devProvider] : []), sessionUpdateProvider],
  callbacks: {
    ...authConfig.callbacks,
    async jwt({ token, user, account, trigger }) {
      // At EVERY sign-in, OAuth included, the claims come from the row: a GitHub profile has no
      // role or onboardingStep, and a returning user must keep COMPLETED.
      if (trigger === 'signIn' && user && account) {
        const row =
          account.provider === 'github'
            ? upsertUserByGithub(account.providerAccountId, { email: user.email, name: user.name })
            : findUserById(user.id ?? '')
        if (!row) return null // no such user any more: no session
        applyClaims(token, row)
        // A new session id per real sign-in; the session-update provider keeps the caller's.
        token.sid = account.provider === 'session-update' && user.sid ? user.sid : randomUUID()
        return token
      }
      // update() from the browser and unstable_update() on the server both land here. The data they
      // carry (`session`) is IGNORED on purpose: the client could send any role. Re-read the row.
      if (trigger === 'update') {
        const row = token.sub ? findUserById(token.sub) : null
        if (!row) return null
        return applyClaims(token, row)
      }
      return token
    },
  },
})

// Lazy (a function): the secret and the providers are read per request, not when the module loads.
export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(authJsConfig)
