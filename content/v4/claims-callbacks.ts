import type { NextAuthOptions } from 'next-auth'

export const callbacks: NextAuthOptions['callbacks'] = {
  async jwt({ token, user, trigger }) {
    // On every sign-in (so on every pass-through update too), next-auth starts from a fresh token
    // holding name, email, picture and sub only: custom claims must be copied from `user` here.
    if (trigger === 'signIn' && user) {
      token.role = user.role
      token.onboardingStep = user.onboardingStep
      token.ver = user.ver // the row version a ticket must beat: without it, tickets replay
    }
    return token
  },
  async session({ session, token }) {
    // The session callback decides what useSession() and getServerSession() see.
    session.user.id = token.sub ?? ''
    session.user.role = token.role
    session.user.onboardingStep = token.onboardingStep
    return session
  },
}
