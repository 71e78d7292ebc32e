// The guest sign-in limits, checked before next-auth runs (demo/api/auth.ts): next-auth v4 cannot answer 429
// from `authorize` (any throw there becomes a 401 with `error=`, core/routes/callback.js:344-348).
// Counters live in the SQLite database, so every server sharing DATA_DIR enforces one limit.
import type { IncomingMessage } from 'node:http'
import { isIPv6 } from 'node:net'
import type { AbuseLimits } from './abuse-config'
import { db } from './db'
import { guestCount } from './users'

export type LimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number; message: string }

/**
 * Records a guest sign-in attempt from `address` unless it is over its rate or the guest rows are at their cap.
 * One IMMEDIATE transaction: two servers cannot both take the last slot.
 */
export function reserveGuestSignIn(address: string, limits: Pick<AbuseLimits, 'signIns' | 'guestRowsMax' | 'guestIdleMs'>, now = Date.now()): LimitDecision {
  const { max, windowMs } = limits.signIns
  const decide = db().transaction((): LimitDecision => {
    db().prepare('DELETE FROM guest_signins WHERE at <= ?').run(now - windowMs)
    const recent = db()
      .prepare('SELECT count(*) AS n, min(at) AS oldest FROM guest_signins WHERE address = ?')
      .get(address) as { n: number; oldest: number | null }
    if (recent.n >= max) {
      const retryAfterSeconds = Math.max(1, Math.ceil((recent.oldest! + windowMs - now) / 1000))
      return {
        ok: false,
        retryAfterSeconds,
        message: `Too many guest sign-ins from your address (${max} per ${describe(windowMs)}). Try again in ${describe(retryAfterSeconds * 1000)}.`,
      }
    }
    if (guestCount() >= limits.guestRowsMax) {
      const retryAfterSeconds = Math.max(1, Math.ceil(Math.min(limits.guestIdleMs, 3_600_000) / 1000))
      return {
        ok: false,
        retryAfterSeconds,
        message: 'The demo holds as many guests as it allows right now. Try again later: idle guests are removed.',
      }
    }
    db().prepare('INSERT INTO guest_signins (address, at) VALUES (?, ?)').run(address, now)
    return { ok: true }
  })
  return decide.immediate()
}

function describe(ms: number): string {
  const s = Math.ceil(ms / 1000)
  if (s < 60) return `${s} second${s === 1 ? '' : 's'}`
  const m = Math.ceil(s / 60)
  if (m < 60) return `${m} minute${m === 1 ? '' : 's'}`
  const h = Math.round(m / 6) / 10
  return `${h} hour${h === 1 ? '' : 's'}`
}

/**
 * Who is asking: the socket's peer, or with TRUST_PROXY the last X-Forwarded-For entry (the one the
 * proxy in front of us appended; earlier entries are whatever the client sent). IPv6 clients are
 * counted per /64, the block one subscriber usually holds.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustProxy: boolean): string {
  let address = req.socket?.remoteAddress ?? 'unknown'
  if (trustProxy) {
    const header = req.headers['x-forwarded-for']
    const last = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean).pop()
    if (last) address = last
  }
  return normalizeAddress(address)
}

export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]
  if (!isIPv6(address)) return address
  const halves = address.toLowerCase().split('::')
  // Stryker disable next-line StringLiteral: equivalent, `tail` is missing only without "::", where `right` is unused.
  const [head, tail = ''] = halves
  const left = head ? head.split(':') : []
  // Only the first four groups are kept, and the zeros "::" stands for come before `right`: a `right` one group longer
  // (an empty tail read as one group) or a fill for an address without "::" (8 groups, or 7 and an IPv4 part: the fill
  // is at most 1 and lands after the fourth) changes none of the four.
  // Stryker disable next-line ArrayDeclaration: equivalent, see above.
  const right = tail ? tail.split(':') : []
  // Stryker disable next-line StringLiteral: equivalent, see above (includes('') is true, and the fill is then empty).
  const compressed = address.includes('::')
  const groups = compressed ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`
}
