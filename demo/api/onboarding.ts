import type { NextApiHandler } from 'next'
import { z } from 'zod'
import { readSessionToken } from '../session-cookie'
import { issueTicket } from '../tickets'
import { completeOnboarding, publicUser, resetOnboarding, type UserRow } from '../users'
import { allowMethod, fail, jsonBody } from './http'
import { instrumented } from './instrumented'

export const GOALS = ['learn', 'migrate', 'audit', 'ship'] as const

const completeBody = z.strictObject({ goal: z.enum(GOALS).default('learn') })
const resetBody = z.strictObject({})

/**
 * The mutation, then the proof: the row is written (version + 1) and the answer carries the
 * updated user and a ticket the hardened provider accepts for this session only.
 */
function mutation<S extends z.ZodType>(schema: S, write: (userId: string, body: z.infer<S>) => UserRow | undefined): NextApiHandler {
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
    res.setHeader('Cache-Control', 'no-store')
    res.status(200).json({ user: publicUser(row), ticket: await issueTicket(row) })
  })
}

export const completeHandler = mutation(completeBody, (id, body) => completeOnboarding(id, body.goal))
export const resetHandler = mutation(resetBody, (id) => resetOnboarding(id))
