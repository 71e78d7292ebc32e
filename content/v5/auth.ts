import NextAuth from 'next-auth'
import GitHub from 'next-auth/providers/github'
import { callbacks } from './update-callbacks'

// auth.ts: one config, and the helpers every part of the app imports from here.
export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  providers: [GitHub],
  session: { strategy: 'jwt' },
  callbacks,
})
