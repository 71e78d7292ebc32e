import CredentialsProvider from 'next-auth/providers/credentials'
import { db } from '../shared/users'
import { currentToken } from './current-token'

// The pass-through that trusts nothing the browser sends: it asks the database instead.
export const sessionRefreshProvider = CredentialsProvider({
  id: 'session-refresh',
  name: 'Session refresh',
  credentials: {},
  async authorize(_credentials, req) {
    const current = await currentToken(req)
    if (!current?.sub) throw new Error('No session to refresh')
    const row = await db.findUser(current.sub)
    if (!row) throw new Error('No such user')
    return { id: row.id, name: row.name, email: current.email, image: current.picture, role: row.role, onboardingStep: row.onboardingStep, ver: row.version }
  },
})
