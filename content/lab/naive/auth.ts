// ⚠️ The source article's pass-through provider: it signs in whoever the client describes.
import Credentials from '@auth/core/providers/credentials'
import type { AuthConfig } from '@auth/core'

export default {
  providers: [
    Credentials({
      id: 'session-update',
      credentials: { user: {} },
      async authorize(credentials) {
        return credentials?.user ? JSON.parse(String(credentials.user)) : null
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // `user` is set on every sign-in, the pass-through one included: copy our claims from it.
      if (user) {
        token.role = user.role
        token.onboardingStep = user.onboardingStep
      }
      return token
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub, role: token.role, onboardingStep: token.onboardingStep } }
    },
  },
} satisfies Omit<AuthConfig, 'secret'>
