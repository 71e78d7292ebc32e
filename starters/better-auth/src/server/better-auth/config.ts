// Better Auth, in create-t3-app's layout: email and password, GitHub when configured, sessions as rows in the
// database, and a signed cookie cache that carries the user's onboardingStep so the gate (src/proxy.ts) can decide
// without a database read for SESSION_CACHE_MAX_AGE seconds.
import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { nextCookies } from 'better-auth/next-js'
import { env } from '~/env'
import { db } from '~/server/db'
import * as schema from '~/server/db/schema'
import { hostTrusted, secureCookies } from '~/server/settings.mjs'

const github =
  env.BETTER_AUTH_GITHUB_CLIENT_ID && env.BETTER_AUTH_GITHUB_CLIENT_SECRET
    ? { github: { clientId: env.BETTER_AUTH_GITHUB_CLIENT_ID, clientSecret: env.BETTER_AUTH_GITHUB_CLIENT_SECRET } }
    : {}

// `next build` loads this module to collect page data, without the deployment's secret; nothing is signed then.
// At run time scripts/serve.mjs has refused to start without one, or generated one for development.
const BUILD_ONLY_SECRET = process.env.NEXT_PHASE === 'phase-production-build' ? 'build-only-never-signs-anything-'.repeat(2) : undefined

export const auth = betterAuth({
  secret: env.BETTER_AUTH_SECRET ?? BUILD_ONLY_SECRET,
  // Unset on a trusted host: Better Auth then takes the origin from each request (X-Forwarded-Host with the flag below).
  baseURL: env.BETTER_AUTH_URL,
  database: drizzleAdapter(db, { provider: 'pg', schema }),
  emailAndPassword: { enabled: true },
  socialProviders: github,
  account: {
    accountLinking: {
      enabled: true,
      // GitHub is not "trusted": its own verified flag (the address's entry in GET /user/emails) must say true.
      trustedProviders: [],
      // And the local account's address must be verified too. This starter sends no verification mail, so a GitHub
      // sign-in never joins a password account by email: whoever registered that address first may not own it.
      requireLocalEmailVerified: true,
    },
  },
  user: {
    additionalFields: {
      // input: false: sign-up ignores it (default applies) and update-user refuses it (400 FIELD_NOT_ALLOWED).
      // Only the server writes it, through the internal adapter (src/server/onboarding.ts).
      onboardingStep: { type: ['INITIAL', 'COMPLETED'], required: false, defaultValue: 'INITIAL', input: false },
    },
  },
  session: {
    cookieCache: { enabled: true, strategy: 'compact', maxAge: env.SESSION_CACHE_MAX_AGE },
  },
  advanced: {
    useSecureCookies: secureCookies(),
    trustedProxyHeaders: hostTrusted(),
  },
  rateLimit: {
    // Better Auth's default for these is 3 per 10 s (a person who mistypes twice waits); about the same rate per
    // address over a minute, with room for a burst.
    customRules: {
      '/sign-in/email': { window: 60, max: 20 },
      '/sign-up/email': { window: 60, max: 20 },
    },
  },
  telemetry: { enabled: false },
  // nextCookies() writes the Set-Cookie of a server-side auth.api call (route handler, server action) into Next's
  // response. Keep it last.
  plugins: [nextCookies()],
})

export type Session = typeof auth.$Infer.Session
