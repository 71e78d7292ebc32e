// A next-auth database adapter on SQLite (better-sqlite3), with what `session: { strategy: "database" }` uses to
// check a session: users, sessions, and getSessionAndUser as an SQL adapter does it, the session row joined to its
// user in one query. Every adapter call is counted by name (tests/support/counting-adapter.ts), and the join itself
// is counted and timed where it runs on SQLite, so a cache in front of it would show as fewer lookups than calls.
import Database from 'better-sqlite3'
import { countAdapterCalls } from '../../tests/support/counting-adapter'

type Row = Record<string, any>
const DAY_MS = 86_400_000

export function sqliteSessionAdapter(file: string) {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.exec(`CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT, email TEXT UNIQUE, role TEXT, suspended INTEGER NOT NULL DEFAULT 0);
           CREATE TABLE sessions (session_token TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), expires INTEGER NOT NULL)`)
  const insertUser = db.prepare('INSERT INTO users (id, name, email, role) VALUES (@id, @name, @email, @role)')
  const selectUser = db.prepare('SELECT id, name, email, role, suspended FROM users WHERE id = ?')
  const insertSession = db.prepare('INSERT INTO sessions VALUES (?, ?, ?)')
  const join = db.prepare(`SELECT s.session_token, s.user_id, s.expires, u.id, u.name, u.email, u.role, u.suspended
                           FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.session_token = ?`)
  /** The session⋈user lookups run on SQLite, and the time spent in them (query and row mapping). */
  const lookups = { count: 0, ms: 0 }

  const toUser = (r: Row) => ({ id: r.id, name: r.name, email: r.email, emailVerified: null, role: r.role, suspended: !!r.suspended })
  const adapter = {
    async createUser(user: Row) {
      const row = { id: crypto.randomUUID(), name: user.name ?? null, email: user.email ?? null, role: user.role ?? 'reader' }
      insertUser.run(row)
      return toUser(row)
    },
    getUser: async (id: string) => {
      const r = selectUser.get(id) as Row | undefined
      return r ? toUser(r) : null
    },
    getUserByEmail: async (email: string) => {
      const r = db.prepare('SELECT * FROM users WHERE email = ?').get(email) as Row | undefined
      return r ? toUser(r) : null
    },
    // No OAuth accounts here: sessions are made as a sign-in would leave them (signedIn below).
    getUserByAccount: async () => null,
    updateUser: async (user: Row) => user,
    linkAccount: async (account: Row) => account,
    async createSession(session: Row) {
      insertSession.run(session.sessionToken, session.userId, session.expires.valueOf())
      return session
    },
    /** What every session check asks: the session and its user, one join on SQLite. */
    async getSessionAndUser(sessionToken: string) {
      const t = performance.now()
      const r = join.get(sessionToken) as Row | undefined
      const found = r ? { session: { sessionToken: r.session_token, userId: r.user_id, expires: new Date(r.expires) }, user: toUser(r) } : null
      lookups.ms += performance.now() - t
      lookups.count++
      return found
    },
    async updateSession(session: Row) {
      if (session.expires) db.prepare('UPDATE sessions SET expires = ? WHERE session_token = ?').run(session.expires.valueOf(), session.sessionToken)
      return session
    },
    async deleteSession(sessionToken: string) {
      db.prepare('DELETE FROM sessions WHERE session_token = ?').run(sessionToken)
    },
    createVerificationToken: async (token: Row) => token,
    useVerificationToken: async () => null,
  }
  const { adapter: counted, reads, writes } = countAdapterCalls(adapter)

  return {
    adapter: counted,
    reads,
    writes,
    lookups,
    /** `count` users, each with a live session (as a sign-in with this adapter leaves them); returns the session tokens. */
    signedIn(count: number, days = 30) {
      const tokens: string[] = []
      db.transaction(() => {
        for (let i = 0; i < count; i++) {
          const id = crypto.randomUUID()
          insertUser.run({ id, name: `User ${i}`, email: `user${i}@example.com`, role: 'reader' })
          const token = crypto.randomUUID()
          insertSession.run(token, id, Date.now() + days * DAY_MS)
          tokens.push(token)
        }
      })()
      return tokens
    },
    close: () => db.close(),
  }
}
