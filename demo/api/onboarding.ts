import type { NextApiHandler } from 'next'
import { z } from 'zod'
import { reissueSession, SessionTooLarge } from '../reissue-session'
import { readSessionToken } from '../session-cookie'
import { issueTicket } from '../tickets'
import { completeOnboarding, publicUser, resetOnboarding, type UserRow } from '../users'
import { allowMethod, fail, jsonBody } from './http'
import { instrumented } from './instrumented'

export const GOALS = ['learn', 'migrate', 'audit', 'ship'] as const

/** 'response' re-issues the session in this response; any other strategy updates it afterwards, from the browser. */
export const STRATEGY_IDS = ['ticket', 'update', 'naive', 'response'] as const
const strategy = z.enum(STRATEGY_IDS).optional()

const completeBody = z.strictObject({ goal: z.enum(GOALS).default('learn'), strategy })
const resetBody = z.strictObject({ strategy })

/**
 * The mutation, then the proof: the row is written (version + 1) and the answer carries the
 * updated user and a ticket the hardened provider accepts for this session only.
 */
function mutation<S extends z.ZodType<{ strategy?: (typeof STRATEGY_IDS)[number] }>>(schema: S, write: (userId: string, body: z.infer<S>) => UserRow | undefined): NextApiHandler {
  return instrumented(async (req, res) => {
    if (!allowMethod(req, res, 'POST')) return
    const token = await readSessionToken(req.headers.cookie)
    if (!token?.sub) return void fail(res, 401, 'Sign in first: this endpoint changes the signed-in user.')
    const body = jsonBody(req, res, schema)
    if (body === undefined) return
    const row = write(token.sub, body)
    if (!row) {
      return void fail(res, 404, 'Your session names a user that does not exist (a session minted by the naive provider can name anyone). Sign out and in again.')
    }
    if (body.strategy === 'response') {
      // The one-request update: the new cookie rides on this response (reissue-session.ts).
      try {
        await reissueSession(req, res, token, row)
      } catch (error) {
        if (error instanceof SessionTooLarge) return void fail(res, 413, error.message)
        throw error
      }
    }
    res.setHeader('Cache-Control', 'no-store')
    res.status(200).json({ user: publicUser(row), ticket: await issueTicket(row) })
  })
}

export const completeHandler = mutation(completeBody, (id, body) => completeOnboarding(id, body.goal))
export const resetHandler = mutation(resetBody, (id) => resetOnboarding(id))
