// Test-only: holds a request until a user's row reaches a version, so a test can make a session read that
// set off BEFORE an update be answered AFTER it (the stale-cookie race, tests/integration/stale-cookie-race.test.ts).
// Off unless the server was started with DEMO_TEST_HOOKS=1, which only the tests do.
import type { IncomingMessage } from 'node:http'
import { db } from './db'

const HEADER = 'x-test-hold-until-version'

export async function holdForTest(req: IncomingMessage): Promise<void> {
  if (process.env.DEMO_TEST_HOOKS !== '1') return
  const value = req.headers[HEADER]
  if (typeof value !== 'string') return
  const [userId, version] = [value.slice(0, value.lastIndexOf(':')), Number(value.slice(value.lastIndexOf(':') + 1))]
  const deadline = Date.now() + 10_000
  const current = () => (db().prepare('SELECT version FROM users WHERE id = ?').get(userId) as { version: number } | undefined)?.version ?? 0
  while (current() < version && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5))
}
