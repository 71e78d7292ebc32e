// The part of the Auth.js config the middleware uses. Edge-safe on purpose: no database, no Node
// APIs. The middleware's auth() decodes the cookie, runs the `jwt` callback and re-sets the cookie on
// EVERY matched page request (next-auth/lib/index.js handleAuth: getSession() then
// `finalResponse.headers.append("set-cookie", ...)`), so a `jwt` callback that queried the database
// here would cost one query per page view. The claims the gate needs are already in the token.
import type { NextAuthConfig } from 'next-auth'
import GitHub from 'next-auth/providers/github'

export const githubEnabled = Boolean(process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET)

// A local run: `npm run dev`, or a production build started with DEV_SIGN_IN=1 (tests, demos).
const local = process.env.NODE_ENV !== 'production' || process.env.DEV_SIGN_IN === '1'

export const authConfig = {
  // Auth.js trusts the Host header only in development or with AUTH_URL / AUTH_TRUST_HOST set
  // (@auth/core lib/utils/env.js setEnvDefaults). A local production run on localhost is trusted too;
  // anywhere else, set AUTH_URL.
  ...(local ? { trustHost: true } : {}),
  // GitHub reads AUTH_GITHUB_ID / AUTH_GITHUB_SECRET itself. The dev and session-update providers are
  // added in auth.ts: they need the database, and only /api/auth/* runs them.
  providers: githubEnabled ? [GitHub] : [],
  session: { strategy: 'jwt' },
  pages: { signIn: '/signin' },
  callbacks: {
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
