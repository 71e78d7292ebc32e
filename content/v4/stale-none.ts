import type { NextAuthOptions } from 'next-auth'

// Policy "none": claims are copied once, at sign-in, and trusted until the token expires. The only knob is
// maxAge, and it is an idle timeout: every read of the session re-issues the token with a fresh expiry, so a
// user who keeps the app open keeps their old role and their suspension never lands. Cost: nothing.
export const session: NextAuthOptions['session'] = {
  strategy: 'jwt',
  maxAge: 15 * 60, // 15 minutes without a session read, then sign in again
}

export const callbacks: NextAuthOptions['callbacks'] = {
  async jwt({ token, user }) {
    if (user) {
      token.role = user.role
      token.onboardingStep = user.onboardingStep
    }
    return token
  },
}
