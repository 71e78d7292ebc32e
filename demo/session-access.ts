// Who may hold a session, and who may write: the one decision every path asks (issue 22). Two questions, one rule
// (stale/policy.ts `refusal`: the row is gone, suspended, or its epoch moved past the session's):
// - honour(token): a session that already exists is checked as its own stale-claims policy says (none, throttled,
//   epoch: when the row is read, chapter "When someone else changes the user"). The gate, GET /api/auth/session,
//   the ticket's re-mint and the naive provider's mint over an existing session ask this; a re-mint carries the
//   session's epoch and policy, so no path turns a session its policy would end into one it would keep.
// - admitNow(token): a session minted from a row ("Return as yourself", update(), GitHub) and every write reads the
//   row now, whatever the policy: a revoked or suspended user gets no new session and no write.
import type { JWT } from 'next-auth/jwt'
import { accountOf } from './claims'
import { decide, nowSeconds, refusal, type AccessFields, type EndReason } from './stale/policy'
import { readAccess } from './stale/store'

export type { EndReason }

export const ENDED: Record<EndReason, string> = {
  suspended: 'Refused: this user is suspended. Sign in as another guest.',
  revoked: 'Refused: this session was signed out everywhere or its access was reduced since it was minted. Sign in again.',
  deleted: 'Refused: the user of this session no longer exists (idle guests are removed). Sign in again.',
}

/** A refusal with a message fit for the reader: thrown from `authorize` it is a 401 with `error=` the message. */
export class SessionRefused extends Error {
  constructor(readonly reason: EndReason) {
    super(ENDED[reason])
  }
}

/**
 * Writes put this in their `WHERE` (the token's epoch bound to `?`): the row is written only when the rule would
 * admit the session, in the same statement, so a suspension between a check and the write cannot slip through and
 * the write costs no extra read. Its agreement with `refusal` is tested row by row (tests/unit/session-access.test.ts).
 */
export const ADMITTED_SQL = 'suspended = 0 AND session_epoch <= ?'

/** An existing session, by its own policy: the token to go on with (refreshed), or a SessionRefused thrown. */
export function honour(token: JWT, now = nowSeconds()): JWT {
  const verdict = decide(token, now, readAccess)
  if (verdict.kind === 'end') throw new SessionRefused(verdict.reason)
  return verdict.kind === 'refresh' ? verdict.token : token
}

/**
 * Mints and writes: the account's row, read now (or `row`, when the caller already holds it), against the
 * session's epoch. A naive session minted with no session before it has no account: nothing to revoke, and
 * nothing it may write (every writer refuses naive sessions).
 */
export function admitNow(token: Pick<JWT, 'sub' | 'mintedBy' | 'realSub' | 'epoch'>, row?: AccessFields): EndReason | null {
  const account = accountOf(token)
  if (!account) return null
  return refusal(row ?? readAccess(account), token.epoch)
}

/** admitNow as a throw, for `authorize` and the jwt callback. */
export function assertAdmitted(token: Pick<JWT, 'sub' | 'mintedBy' | 'realSub' | 'epoch'>, row?: AccessFields): void {
  const reason = admitNow(token, row)
  if (reason) throw new SessionRefused(reason)
}
