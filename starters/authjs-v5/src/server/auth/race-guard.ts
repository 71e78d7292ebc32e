// The stale-cookie race guard (next-auth #9983). Auth.js re-encodes the session token and sets it on every read
// (GET /api/auth/session, auth() in the proxy). A read that set off before the session was updated carries the
// OLD cookie; answered after the update, it writes the old claims back over the new cookie, and the gate goes
// back to INITIAL. So every re-issue of a session from the row (update(), unstable_update(), the ticket) is
// remembered here by session id and version, and the jwt callback asks, on a plain read, whether this token is
// that session's older self; only then does it re-read the row. A read that races nothing costs a Map lookup.
//
// By session (`sid`), not by user: another session of the same user (another device) keeps its claims until it
// is itself updated (the contract's "a ticket is bound to its session").
//
// In process: the proxy and the route handlers run in the same Node process under `next start`, but in separate
// bundles, so the Map hangs off globalThis. Behind a load balancer the read and the update can land on different
// processes; sticky sessions, or the proxy variant that reads the row (src/proxy-db-read.ts), close that gap.

/** How long a re-issue is remembered: longer than any session read can be in flight. */
export const RACE_WINDOW_MS = 60_000

type Reissues = Map<string, { version: number; at: number }>
const store = globalThis as unknown as { __authjsV5StarterReissues?: Reissues }
const reissued: Reissues = (store.__authjsV5StarterReissues ??= new Map())

/** Called by the jwt callback each time it re-issues a session from the row, with the version it wrote. */
export function rememberReissue(sid: string | undefined, version: number | undefined, now = Date.now()) {
  if (!sid || typeof version !== 'number') return
  reissued.delete(sid) // re-insert: the Map stays ordered by time, so pruning stops at the first fresh entry
  reissued.set(sid, { version, at: now })
  for (const [id, entry] of reissued) {
    if (now - entry.at <= RACE_WINDOW_MS) break
    reissued.delete(id)
  }
}

/** True when this token is an older copy of a session re-issued within the window: re-read the row. */
export function olderThanReissue(sid: string | undefined, tokenVersion: unknown, now = Date.now()): boolean {
  if (!sid) return false
  const entry = reissued.get(sid)
  if (!entry || now - entry.at > RACE_WINDOW_MS) return false
  return typeof tokenVersion !== 'number' || tokenVersion < entry.version
}
