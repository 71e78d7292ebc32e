import CredentialsProvider from 'next-auth/providers/credentials'

// ⚠️ The source article's provider, typed. It returns whatever user the browser sends:
// anyone can sign in as anyone with it. Read "Why the naive version is dangerous" before using it.
export const sessionUpdateProvider = CredentialsProvider({
  id: 'session-update',
  name: 'Session update',
  // The article declares `credentials: {}`; then `credentials.user` does not type-check.
  credentials: { user: { type: 'text' } },
  async authorize(credentials) {
    return credentials?.user ? JSON.parse(credentials.user) : null
  },
})
