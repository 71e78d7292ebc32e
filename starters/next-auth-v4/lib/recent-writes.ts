// The stale-cookie race guard (next-auth #9983). A GET /api/auth/session that set off before the mutation
// (useSession's polling, refetchOnWindowFocus, another tab) carries the OLD cookie; next-auth 4 re-encodes
// whatever the jwt callback returns and sets it on every read (next-auth/core/routes/session.js), so if
// that GET is answered after the update, it writes the old claims back over the new cookie.
// Every claim write is remembered here (lib/complete-onboarding.ts) with the session that made it (`sid`) and the
// row version it wrote; the jwt callback asks, on a plain read, whether this session's token is older than a
// write it made recently, and only then re-reads the row. Per session, not per user: another session of the same
// user keeps its claims until it updates itself (a ticket is bound to one session for the same reason).
// A read that races nothing costs a Map lookup, no database read. In-process: with several instances behind
// one PostgreSQL, a read answered by another instance than the write is not covered (README, "Choices").

/** How long a write is remembered: longer than any session read can be in flight. */
export const RACE_WINDOW_MS = 60_000

// On globalThis: the mutation route and next-auth's route are separate bundles, and must share one Map.
const KEY = Symbol.for('next-auth-v4-starter.recent-writes')
const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, { version: number; at: number }> }
const written = (holder[KEY] ??= new Map())

export function rememberWrite(sid: string, version: number, now = Date.now()) {
  written.delete(sid) // re-inserted, so the Map stays ordered by time and pruning can stop early
  written.set(sid, { version, at: now })
  for (const [id, entry] of written) {
    if (now - entry.at <= RACE_WINDOW_MS) break
    written.delete(id)
  }
}

/** True when this session's token predates a write it made within the window: re-read the row before re-issuing it. */
export function isOlderThanRecentWrite(sid: string | undefined, tokenVersion: unknown, now = Date.now()): boolean {
  if (!sid) return false
  const entry = written.get(sid)
  if (!entry || now - entry.at > RACE_WINDOW_MS) return false
  return typeof tokenVersion !== 'number' || tokenVersion < entry.version
}
