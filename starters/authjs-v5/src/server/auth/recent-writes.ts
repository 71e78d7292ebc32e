// The stale-cookie race guard (next-auth #9983). Auth.js re-encodes the session token and sets it on every read
// (GET /api/auth/session, auth() in the proxy). A read that set off before the onboarding mutation carries the OLD
// cookie; answered after the mutation, it would write the old claims back over the new cookie. The jwt callback
// asks this module, on a plain read, whether the token is older than a claims write made recently; only then does
// it re-read the row. A read that races nothing costs a Map lookup, no database read.
//
// In process: the proxy and the route handlers run in the same Node process under `next start`, but in separate
// bundles, so the Map hangs off globalThis. With several server processes, a write on one is unknown to the others
// (see README: the proxy variant that reads the row on every navigation closes that gap).

/** How long a write is remembered: longer than any session read can be in flight. */
export const RACE_WINDOW_MS = 60_000

type Writes = Map<string, { version: number; at: number }>
const store = globalThis as unknown as { __authjsV5StarterClaimsWrites?: Writes }
const written: Writes = (store.__authjsV5StarterClaimsWrites ??= new Map())

/** Called by every write of a user's claims (db/users.ts), with the version it wrote. */
export function rememberClaimsWrite(userId: string, version: number, now = Date.now()) {
  written.delete(userId) // re-insert: the Map stays ordered by time, so pruning stops at the first fresh entry
  written.set(userId, { version, at: now })
  for (const [id, entry] of written) {
    if (now - entry.at <= RACE_WINDOW_MS) break
    written.delete(id)
  }
}

/** True when this token's claims predate a write made within the window: re-read the row before re-issuing it. */
export function olderThanRecentWrite(userId: string | undefined, tokenVersion: unknown, now = Date.now()): boolean {
  if (!userId) return false
  const entry = written.get(userId)
  if (!entry || now - entry.at > RACE_WINDOW_MS) return false
  return typeof tokenVersion !== 'number' || tokenVersion < entry.version
}
