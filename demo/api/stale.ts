// "Someone else changes you": the demo's admin/job stand-ins. Each acts on the caller's own row (token.sub) and
// never on the caller's cookie, except /policy, which is the reader choosing how their own session learns.
import type { NextApiHandler, NextApiRequest, NextApiResponse } from 'next'
import type { JWT } from 'next-auth/jwt'
import { z } from 'zod'
import { PROVIDERS } from '../claims'
import { admitNow, ENDED } from '../session-access'
import { expiredSessionCookies, readSessionToken } from '../session-cookie'
import { nowSeconds, POLICIES, policyOf, recheckSeconds, withRow } from '../stale/policy'
import { sessionCookieFor } from '../stale/reissue'
import { bumpEpoch, changeAccess, readAccess, ROLES, type AccessRow } from '../stale/store'
import { serialize } from 'cookie'
import { allowMethod, fail, jsonBody, sameOriginOnly } from './http'
import { instrumented } from './instrumented'

const changeBody = z
  .strictObject({ role: z.enum(ROLES).optional(), suspended: z.boolean().optional() })
  .refine((b) => (b.role === undefined) !== (b.suspended === undefined), 'Send exactly one of "role" or "suspended".')
const policyBody = z.strictObject({ policy: z.enum(POLICIES) })
const emptyBody = z.strictObject({})

/** The caller's own, decodable, non-naive session and its row; answers 401/403/404 otherwise. */
async function caller(req: NextApiRequest, res: NextApiResponse): Promise<{ token: JWT; row: AccessRow } | undefined> {
  const token = await readSessionToken(req.headers.cookie, req.headers)
  if (!token?.sub) return void fail(res, 401, 'Sign in first: this endpoint changes the signed-in user.')
  // The naive provider can name any user: it must not reach a real row (see the attack lab).
  if (token.mintedBy === PROVIDERS.naive) return void fail(res, 403, 'A session minted by the naive provider cannot change a user. Sign in as yourself.')
  const row = readAccess(token.sub)
  if (!row) return void fail(res, 404, 'Your session names a user that does not exist. Sign out and in again.')
  return { token, row }
}

/**
 * Every write here: same origin only (like the onboarding routes), then the caller's session admitted by
 * session-access.ts against the row just read: a suspended or revoked session changes nothing and is signed out
 * (it cannot lift its own suspension, switch to a policy that would keep it, or sign out everywhere once more).
 */
function post<S extends z.ZodType>(schema: S, act: (req: NextApiRequest, res: NextApiResponse, c: { token: JWT; row: AccessRow }, body: z.infer<S>) => Promise<void> | void): NextApiHandler {
  return instrumented(async (req, res) => {
    if (!allowMethod(req, res, 'POST')) return
    if (!sameOriginOnly(req, res)) return
    const c = await caller(req, res)
    if (!c) return
    const ended = admitNow(c.token, c.row)
    if (ended) {
      res.setHeader('Set-Cookie', expiredSessionCookies(req.headers.cookie, req.headers))
      return void fail(res, 403, `${ENDED[ended]} (This session has been ended: ${ended}.)`)
    }
    const body = jsonBody(req, res, schema)
    if (body === undefined) return
    res.setHeader('Cache-Control', 'no-store')
    await act(req, res, c, body)
  })
}

/**
 * POST /api/demo/admin/change { role } | { suspended }: the row changes; the cookie is left alone, on purpose.
 * A suspension also bumps the epoch, so the session that asked for it can write nothing afterwards (not even
 * `{ "suspended": false }`): in the demo, where you are your own admin, a suspended guest signs in anew.
 */
export const changeHandler = post(changeBody, (_req, res, { token }, body) => {
  const row = changeAccess(token.sub!, body)
  res.status(200).json({ row, changedAt: Date.now() })
})

/** POST /api/demo/sign-out-everywhere {}: every session of this user, this browser's included, is refused on its next check. */
export const signOutEverywhereHandler = post(emptyBody, (_req, res, { token }) => {
  const row = bumpEpoch(token.sub!)
  res.status(200).json({ row, changedAt: Date.now() })
})

/**
 * POST /api/demo/stale/policy { policy }: the reader picks how their own session learns about changes. The new
 * cookie keeps the token's epoch: a session already revoked cannot renew itself by switching policy.
 */
export const policyHandler = post(policyBody, async (_req, res, { token, row }, { policy }) => {
  // post() admitted the session against the row, whatever its policy: a revoked session cannot switch to "none".
  const next = { ...withRow(token, row, nowSeconds()), epoch: token.epoch ?? 0, stalePolicy: policy }
  const cookie = await sessionCookieFor(next)
  if (!cookie) return void fail(res, 413, 'The session would not fit in one cookie.')
  res.setHeader('Set-Cookie', serialize(cookie.name, cookie.value, cookie.options))
  res.status(200).json({ policy, claims: next })
})

/**
 * GET /api/demo/stale/status: the row beside the token this browser holds, and the policy's settings. A read of
 * the caller's own row, writing nothing: it answers for an ended session too (`ended` says why), so the panel can
 * show the suspension the gate is about to act on.
 */
export const statusHandler = instrumented(async (req, res) => {
  if (!allowMethod(req, res, 'GET')) return
  const c = await caller(req, res)
  if (!c) return
  res.setHeader('Cache-Control', 'no-store')
  res.status(200).json({
    row: c.row,
    token: c.token,
    policy: policyOf(c.token),
    ended: admitNow(c.token, c.row),
    recheckSeconds: recheckSeconds(),
    now: nowSeconds(),
  })
})
