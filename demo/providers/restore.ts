import CredentialsProvider from 'next-auth/providers/credentials'
import { PROVIDERS, isNaiveSession, userFromRow } from '../claims'
import { assertAdmitted } from '../session-access'
import { readSessionToken } from '../session-cookie'
import { touchUser } from '../users'

/**
 * "Return as yourself": after the naive attack, the reader gets their own session back: the same user row,
 * re-read, with no new guest and nothing counted against the guest sign-in limit. It trusts only the
 * server-set `realSub` inside the caller's own (encrypted) naive session cookie, never anything posted.
 * It mints a real session from a row, so session-access.ts reads that row now, against the epoch the naive session
 * carried over from the caller's own session: a user suspended or signed out everywhere since gets nothing back.
 * The restored session keeps that epoch and policy (never the row's current epoch, which would renew a revoked one).
 */
export const restoreProvider = CredentialsProvider({
  id: PROVIDERS.restore,
  // Stryker disable next-line StringLiteral: next-auth's display name for its own sign-in page, which the demo never shows.
  name: 'Return as yourself',
  credentials: {},
  async authorize(_credentials, req) {
    const current = await readSessionToken(req?.headers?.cookie)
    if (!isNaiveSession(current)) throw new Error('Only a session minted by the naive provider needs restoring: yours is your own.')
    // Stryker disable next-line OptionalChaining: equivalent, `current` is not null once isNaiveSession(current) holds.
    if (!current?.realSub) throw new Error('This naive session was minted with no session before it: there is no one to return to. Sign in as a guest.')
    const row = touchUser(current.realSub)
    if (!row) throw new Error('Your own guest user no longer exists (idle guests are removed). Sign in as a guest again.')
    assertAdmitted(current, row)
    return userFromRow(row, { signedInWith: PROVIDERS.restore, epoch: current.epoch ?? 0, stalePolicy: current.stalePolicy })
  },
})
