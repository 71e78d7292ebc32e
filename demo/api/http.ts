import type { NextApiRequest, NextApiResponse } from 'next'
import type { z } from 'zod'

/** Answers 4xx with a message; returns false so handlers can `if (!ok) return`. */
export function fail(res: NextApiResponse, status: number, error: string): false {
  res.status(status).json({ error })
  return false
}

export function allowMethod(req: NextApiRequest, res: NextApiResponse, method: 'GET' | 'POST'): boolean {
  if (req.method === method) return true
  res.setHeader('Allow', method)
  return fail(res, 405, `Use ${method}.`)
}

/** A JSON body (an empty one counts as `{}`), validated; 415 or 400 with the reason otherwise. */
export function jsonBody<S extends z.ZodType>(req: NextApiRequest, res: NextApiResponse, schema: S): z.infer<S> | undefined {
  const empty = req.body === undefined || req.body === ''
  if (!empty && !req.headers['content-type']?.startsWith('application/json')) {
    fail(res, 415, 'Send the body as application/json.')
    return undefined
  }
  const parsed = schema.safeParse(empty ? {} : req.body)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  fail(res, 400, `Invalid body${issue.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue.message}`)
  return undefined
}
