// The two things the guide says about `session: { strategy: "database" }`, as scenarios both versions' tests run
// through their real handler (a Client on next-auth 4's HTTP handler or on Auth.js's Auth()) and the counting
// memory adapter: what a session check reads, and what a Credentials sign-in leaves behind.
import type { Client } from '../../support/client'
import type { memoryAdapter } from './memory-adapter'

type Store = ReturnType<typeof memoryAdapter>

/**
 * A live database session checked twice; then an admin changes the user's row, then deletes the user's session rows
 * ("sign out everywhere"). Returns the adapter reads of the two checks and what each later check answered.
 */
export async function databaseSessionChecks(client: Client, store: Store, cookie: string) {
  const { user, sessionToken } = await store.signedIn({ name: 'Ada', email: 'ada@example.com', role: 'reader' })
  client.jar.set(cookie, sessionToken)
  const from = store.reads.length
  const first = await client.session()
  await client.session()
  const reads = store.reads.slice(from)
  store.users.set(user.id, { ...user, role: 'editor' })
  const changed = await client.session()
  for (const [token, row] of store.sessions) if (row.userId === user.id) store.sessions.delete(token)
  const deleted = await client.session()
  return { reads, first, changed, deleted }
}

/** A Credentials sign-in with the adapter and no explicit strategy (so "database"): what it wrote, and the check after. */
export async function credentialsSignIn(client: Client, store: Store, cookie: string) {
  await client.callback('sign-in', { name: 'Ada' })
  const value = client.jar.get(cookie) ?? ''
  const from = store.reads.length
  const session = await client.session()
  return { writes: [...store.writes], sessionRows: store.sessions.size, value, reads: store.reads.slice(from), session }
}
