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

/** The site's own origin: the public URL's (NEXTAUTH_URL), else the Host the request came to. */
export function siteOrigin(req: Pick<NextApiRequest, 'headers'>): string {
  const url = process.env.NEXTAUTH_URL
  if (url) return new URL(url).origin
  return `http://${req.headers.host ?? 'localhost'}`
}

/**
 * Only the site's own pages may call a mutating endpoint. Browsers send `Origin` on every POST, so a form or a
 * `no-cors` fetch from another origin, even one on the same site (another port, a sibling subdomain, which
 * SameSite=Lax cookies do not stop), is refused here. With no `Origin`, `Sec-Fetch-Site` decides; with
 * neither (curl, a server-side script: no ambient cookies to abuse) the request is allowed.
 */
export function sameOriginOnly(req: NextApiRequest, res: NextApiResponse): boolean {
  const expected = siteOrigin(req)
  const origin = req.headers.origin
  if (origin !== undefined) {
    if (origin === expected) return true
    return fail(res, 403, `Refused: this endpoint accepts requests from ${expected} only, not from ${origin}.`)
  }
  const site = req.headers['sec-fetch-site']
  if (site === undefined || site === 'same-origin' || site === 'none') return true
  return fail(res, 403, `Refused: this endpoint accepts requests from ${expected} only (Sec-Fetch-Site: ${site}).`)
}

function isJson(req: NextApiRequest): boolean {
  return req.headers['content-type']?.split(';')[0].trim().toLowerCase() === 'application/json'
}

/**
 * A JSON body, validated; 415 or 400 with the reason otherwise. The Content-Type must say JSON even for an
 * empty body (which then counts as `{}`): a cross-site form can only send text/plain, urlencoded or multipart.
 */
export function jsonBody<S extends z.ZodType>(req: NextApiRequest, res: NextApiResponse, schema: S): z.infer<S> | undefined {
  const empty = req.body === undefined || req.body === ''
  if (!isJson(req)) {
    fail(res, 415, 'Send the body as application/json.')
    return undefined
  }
  const parsed = schema.safeParse(empty ? {} : req.body)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  fail(res, 400, `Invalid body${issue.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue.message}`)
  return undefined
}
