import type { NextAuthConfig } from 'next-auth'

// Policy "none" in v5: claims copied at sign-in, trusted until the token expires. As in v4, maxAge is an idle
// timeout: auth() re-issues the cookie with a fresh expiry on every call, and in middleware that is every
// matched request, so an active user never reaches it.
export const session: NextAuthConfig['session'] = { strategy: 'jwt', maxAge: 15 * 60 }

export const callbacks: NextAuthConfig['callbacks'] = {
  async jwt({ token, user }) {
    if (user) {
      token.role = user.role
      token.onboardingStep = user.onboardingStep
    }
    return token
  },
}
