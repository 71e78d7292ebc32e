import type { NextAuthConfig } from 'next-auth'

export const callbacks: NextAuthConfig['callbacks'] = {
  async jwt({ token, user, trigger }) {
    // As in v4: a sign-in starts from a fresh token (name, email, picture, sub); copy the custom claims.
    if (trigger === 'signIn' && user) {
      token.role = user.role
      token.onboardingStep = user.onboardingStep
      token.ver = user.ver
    }
    return token
  },
  async session({ session, token }) {
    session.user.id = token.sub ?? ''
    session.user.role = token.role
    session.user.onboardingStep = token.onboardingStep
    return session
  },
}
