// create-t3-app's src/server/auth/index.ts: one Auth.js instance; auth() cached per request with React's cache()
// (a layout and a page asking for the session in the same render decode the cookie once).
import NextAuth from 'next-auth'
import { cache } from 'react'
import { authConfig } from './config'

const { auth: uncachedAuth, handlers, signIn, signOut, unstable_update } = NextAuth(authConfig)

const auth = cache(uncachedAuth)

// The proxy wraps the uncached function: it runs outside React's render, where cache() has no request scope.
export { auth, handlers, signIn, signOut, unstable_update, uncachedAuth }
