import type { NextApiHandler } from 'next'
import { z } from 'zod'
import { isNaiveSession } from '../claims'
import { CookieNameError, reissueSession, SessionTooLarge } from '../reissue-session'
import { admitNow, ENDED } from '../session-access'
import { expiredSessionCookies, readSessionToken } from '../session-cookie'
import { issueTicket } from '../tickets'
import { completeOnboarding, publicUser, resetOnboarding, type UserRow } from '../users'
import { allowMethod, fail, jsonBody, sameOriginOnly } from './http'
import { instrumented } from './instrumented'

export const GOALS = ['learn', 'migrate', 'audit', 'ship'] as const

/** 'response' re-issues the session in this response; any other strategy updates it afterwards, from the browser. */
export const STRATEGY_IDS = ['ticket', 'update', 'naive', 'response'] as const
const strategy = z.enum(STRATEGY_IDS).optional()

const completeBody = z.strictObject({ goal: z.enum(GOALS).default('learn'), strategy })
const resetBody = z.strictObject({ strategy })

export const NAIVE_SESSION_REFUSED =
  'Refused: this session was minted by the naive, vulnerable provider, so nothing vouches for its user id. The demo API acts only on real sessions: use "Return as yourself" or sign in again.'

/**
 * The mutation, then the proof: the row is written (version + 1) and the answer carries the
 * updated user and a ticket the hardened provider accepts for this session only.
 */
function mutation<S extends z.ZodType<{ strategy?: (typeof STRATEGY_IDS)[number] }>>(
  schema: S,
  write: (userId: string, epoch: number, body: z.infer<S>) => UserRow | undefined,
): NextApiHandler {
  return instrumented(async (req, res) => {
    if (!allowMethod(req, res, 'POST')) return
    if (!sameOriginOnly(req, res)) return
    const token = await readSessionToken(req.headers.cookie, req.headers)
    if (!token?.sub) return void fail(res, 401, 'Sign in first: this endpoint changes the signed-in user.')
    // A naive session names whatever user the browser chose: writing that row would reach another user.
    if (isNaiveSession(token)) return void fail(res, 403, NAIVE_SESSION_REFUSED)
    if (!token.sid) return void fail(res, 401, 'Your session predates session ids: sign out and in again.')
    const body = jsonBody(req, res, schema)
    if (body === undefined) return
    // Written only if session-access.ts admits this session at its epoch (in the UPDATE itself: no extra read).
    const row = write(token.sub, token.epoch ?? 0, body)
    if (!row) {
      // Refused: the row was removed (an idle guest, cleaned up), suspended, or this session revoked. Either way
      // this browser is signed out instead of left holding a session that can do nothing.
      res.setHeader('Set-Cookie', expiredSessionCookies(req.headers.cookie, req.headers))
      const reason = admitNow(token) ?? 'deleted'
      if (reason === 'deleted') return void fail(res, 401, 'Your guest user no longer exists (idle guests are removed): you are signed out. Sign in again.')
      return void fail(res, 403, `${ENDED[reason]} You are signed out.`)
    }
    if (body.strategy === 'response') {
      // The one-request update: the new cookie rides on this response (reissue-session.ts).
      try {
        await reissueSession(req, res, token, row)
      } catch (error) {
        if (error instanceof SessionTooLarge) return void fail(res, 413, error.message)
        if (error instanceof CookieNameError) return void fail(res, 400, error.message)
        throw error
      }
    }
    res.setHeader('Cache-Control', 'no-store')
    res.status(200).json({ user: publicUser(row), ticket: await issueTicket(row, token.sid) })
  })
}

export const completeHandler = mutation(completeBody, (id, epoch, body) => completeOnboarding(id, body.goal, epoch))
export const resetHandler = mutation(resetBody, (id, epoch) => resetOnboarding(id, epoch))
