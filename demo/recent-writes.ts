// The stale-cookie race guard (next-auth #9983). A GET /api/auth/session that set off before an update
// (polling, refetchOnWindowFocus, another tab) carries the OLD cookie; next-auth v4 re-encodes whatever the
// jwt callback returns and sets it on every read (core/routes/session.js:53-81), so if that GET is answered
// after the update it writes the old claims back. The jwt callback asks this module, on a plain read,
// whether the token is older than a version this process wrote recently; only then does it re-read the row.
// In-process and bounded: a read that is not racing an update costs a Map lookup, no database read.

/** How long a write is remembered: longer than any session read can be in flight. */
export const RACE_WINDOW_MS = 60_000

const written = new Map<string, { version: number; at: number }>()

/** Called by every write of a user's row (users.ts), with the version it wrote. */
export function rememberWrite(userId: string, version: number, now = Date.now()) {
  written.delete(userId) // re-insert, so the Map stays ordered by time and pruning can stop early
  written.set(userId, { version, at: now })
  for (const [id, entry] of written) {
    if (now - entry.at <= RACE_WINDOW_MS) break
    written.delete(id)
  }
}

/** True when this token predates a write made within the window: re-read the row before re-issuing it. */
export function isOlderThanRecentWrite(userId: string | undefined, tokenVersion: unknown, now = Date.now()): boolean {
  if (!userId) return false
  const entry = written.get(userId)
  if (!entry || now - entry.at > RACE_WINDOW_MS) return false
  return typeof tokenVersion !== 'number' || tokenVersion < entry.version
}
