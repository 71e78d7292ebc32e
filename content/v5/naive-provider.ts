import Credentials from 'next-auth/providers/credentials'

// ⚠️ The article's provider in Auth.js v5: it returns whatever user the browser sends. Do not ship it.
export const sessionUpdateProvider = Credentials({
  id: 'session-update',
  name: 'Session update',
  credentials: { user: {} },
  async authorize(credentials) {
    return typeof credentials.user === 'string' ? JSON.parse(credentials.user) : null
  },
})
