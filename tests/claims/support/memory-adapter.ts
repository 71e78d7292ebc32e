// A database adapter for next-auth 4 and Auth.js 5 on plain in-memory tables, counting every read the library asks
// of it (`reads`, by method). It is the database of the `strategy: "database"` claims: next-auth's real handler
// decides what to read and when; this only answers, and counts. Rows are the shapes of the adapters' interface.
import { countAdapterCalls } from '../../support/counting-adapter'

type Row = Record<string, any>

export function memoryAdapter() {
  const users = new Map<string, Row>()
  const sessions = new Map<string, Row>()
  const accounts = new Map<string, Row>()
  let ids = 0

  const adapter = {
    async createUser(user: Row) {
      const row = { ...user, id: `user-${++ids}` }
      users.set(row.id, row)
      return row
    },
    getUser: async (id: string) => users.get(id) ?? null,
    getUserByEmail: async (email: string) => [...users.values()].find((u) => u.email === email) ?? null,
    getUserByAccount: async ({ provider, providerAccountId }: Row) => {
      const account = accounts.get(`${provider}:${providerAccountId}`)
      return (account && users.get(account.userId)) ?? null
    },
    async updateUser(user: Row) {
      const row = { ...users.get(user.id), ...user }
      users.set(row.id, row)
      return row
    },
    async linkAccount(account: Row) {
      accounts.set(`${account.provider}:${account.providerAccountId}`, account)
      return account
    },
    async createSession(session: Row) {
      sessions.set(session.sessionToken, session)
      return session
    },
    /** The session row and its user: one lookup (an SQL adapter joins them). */
    async getSessionAndUser(sessionToken: string) {
      const session = sessions.get(sessionToken)
      const user = session && users.get(session.userId)
      return session && user ? { session, user } : null
    },
    async updateSession(session: Row) {
      const row = { ...sessions.get(session.sessionToken), ...session }
      sessions.set(row.sessionToken, row)
      return row
    },
    async deleteSession(sessionToken: string) {
      sessions.delete(sessionToken)
    },
    createVerificationToken: async (token: Row) => token,
    useVerificationToken: async () => null,
  }

  // Every method counted by name: reads apart, so a claim about reads is a count of these calls.
  const { adapter: counted, reads, writes } = countAdapterCalls(adapter)

  return {
    adapter: counted,
    users,
    sessions,
    reads,
    writes,
    /** A user and a live session row, as an OAuth sign-in with this adapter leaves them; returns the cookie value. */
    async signedIn(user: Row, days = 30) {
      const row = await adapter.createUser(user)
      const sessionToken = `session-${++ids}`
      await adapter.createSession({ sessionToken, userId: row.id, expires: new Date(Date.now() + days * 86_400_000) })
      return { user: row, sessionToken }
    },
  }
}
