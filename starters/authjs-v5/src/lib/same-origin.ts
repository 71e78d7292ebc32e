// The mutation route takes JSON from the app's own origin only. A cross-site <form> can POST urlencoded, multipart
// or text/plain bodies with the reader's SameSite=Lax cookie from a same-site page (another port, a sibling
// subdomain) without a CORS preflight; requiring application/json forces a preflight, which this route never
// answers, and the Origin check refuses what a same-site page could still send.
import { env } from '~/env'
import { createActionURL } from '@auth/core'

/** The app's public origin for this request, as Auth.js derives it (AUTH_URL, else the forwarded / Host header). */
export function appOrigin(headers: Headers): string {
  // Stryker disable next-line StringLiteral: the action names the URL's path; only its origin is used.
  return createActionURL('session', headers.get('x-forwarded-proto') as string, headers, { AUTH_URL: env.AUTH_URL }, { basePath: '/api/auth' } as never).origin
}

export type Refusal = { status: 403 | 415; error: string }

export function refuseForeignRequest(request: Request): Refusal | null {
  // Stryker disable next-line StringLiteral: equivalent, no Content-Type is refused whatever it defaults to short of JSON.
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json') return { status: 415, error: 'Send the body as JSON (Content-Type: application/json), e.g. {}.' }
  const origin = request.headers.get('origin')
  if (origin !== null) {
    if (origin !== appOrigin(request.headers)) return { status: 403, error: `Refused: this request comes from another origin (${origin}).` }
    return null
  }
  // No Origin (curl, or an old browser): Sec-Fetch-Site, when present, must say the same origin.
  const site = request.headers.get('sec-fetch-site')
  if (site !== null && site !== 'same-origin' && site !== 'none') return { status: 403, error: `Refused: this request comes from another site (Sec-Fetch-Site: ${site}).` }
  return null
}
