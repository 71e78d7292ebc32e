// The onboarding API takes requests from the app's own pages only: SameSite=Lax sends the session cookie with a
// POST from a same-site page on another port or subdomain, and a JSON body alone does not stop a form.
import { env } from '~/env'
import { hostTrusted } from '~/server/settings.mjs'

function publicOrigin(request: Request): string {
  if (env.BETTER_AUTH_URL) return new URL(env.BETTER_AUTH_URL).origin
  const url = new URL(request.url)
  const proto = (hostTrusted() && request.headers.get('x-forwarded-proto')) || url.protocol.slice(0, -1)
  const host = (hostTrusted() && request.headers.get('x-forwarded-host')) || request.headers.get('host') || url.host
  return `${proto}://${host}`
}

/** Why the request is refused (403), or null. Checks Origin, else Sec-Fetch-Site; neither (curl): allowed. */
export function crossOriginRefusal(request: Request): string | null {
  const origin = request.headers.get('origin')
  if (origin) return origin === publicOrigin(request) ? null : `Requests from ${origin} are refused: same origin only.`
  const site = request.headers.get('sec-fetch-site')
  if (site && site !== 'same-origin' && site !== 'none') return `A ${site} request is refused: same origin only.`
  return null
}
