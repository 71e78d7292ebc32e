// What every state-changing route checks before it reads the session: the body is JSON (a cross-site HTML form
// can only send urlencoded, multipart or text/plain, which a SameSite=Lax cookie would otherwise accompany from
// a sibling subdomain), and the request comes from this app's own origin.
import { detectOrigin, header, type HeaderSource } from './secure-cookies'

export type Refusal = { status: 403 | 415; error: string }

/** The app's origin: the one next-auth detects (NEXTAUTH_URL, or the trusted forwarded host), else the Host. */
export function ownOrigin(headers: HeaderSource): string | undefined {
  const detected = detectOrigin(headers) ?? `http://${header(headers, 'host') ?? ''}`
  try {
    return new URL(detected.startsWith('http') ? detected : `https://${detected}`).origin
  } catch {
    return undefined
  }
}

/**
 * null when the request may go on. `Origin` decides when the browser sent it; else `Sec-Fetch-Site`; a request
 * with neither (curl, a server) is allowed: it carries no browser's cookie by accident.
 */
export function refuseRequest(headers: HeaderSource): Refusal | null {
  const type = header(headers, 'content-type')?.split(';')[0].trim().toLowerCase()
  if (type !== 'application/json') return { status: 415, error: 'Send the body as JSON, with Content-Type: application/json.' }
  const origin = header(headers, 'origin')
  if (origin !== undefined) {
    const own = ownOrigin(headers)
    if (origin !== own) return { status: 403, error: `Refused: this route accepts requests from ${own ?? 'its own origin'} only, not from ${origin}.` }
    return null
  }
  const site = header(headers, 'sec-fetch-site')
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, error: 'Refused: this route accepts requests from its own origin only.' }
  }
  return null
}
