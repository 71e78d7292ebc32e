// The one check every redirect in the demo goes through: the sign-in form, onboarding's "Continue", the
// middleware's redirects and next-auth's `redirect` callback. A string check is not enough: browsers drop
// tabs and newlines from URLs (`/%09/evil.example` becomes `//evil.example`) and read `\` as `/`, so the
// value is parsed the way the browser will parse it, against our own origin, and only its path, query and
// hash are kept. Pure (no Node imports): the browser bundle uses it too.

/** A same-origin path (`/a?b#c`) for `value`, or `fallback` when it would leave `origin` or is not a URL. */
export function safeRedirect(value: unknown, origin: string, fallback: string): string {
  if (typeof value !== 'string' || value === '') return fallback
  let base: URL
  let url: URL
  try {
    base = new URL(origin)
    url = new URL(value, base)
  } catch {
    return fallback
  }
  if (url.origin !== base.origin) return fallback
  // `/.//evil.example` is same-origin but normalises to the path `//evil.example`, which a browser
  // given it as a Location reads as another host.
  if (url.pathname.startsWith('//')) return fallback
  return url.pathname + url.search + url.hash
}

/** Where the demo sends a reader who came for no page in particular: the first page past the gate. */
export const DEMO_HOME = '/demo/explore'
const SIGN_IN = '/demo'
const ONBOARDING = '/demo/onboarding'

/** Where to go after sign-in or onboarding: a safe redirect that also never loops back into the gate itself. */
export function safeCallbackUrl(value: unknown, fallback: string, origin = currentOrigin()): string {
  const path = safeRedirect(value, origin, fallback)
  const pathname = path.split(/[?#]/)[0]
  if (pathname === SIGN_IN || pathname === ONBOARDING || pathname.startsWith(`${ONBOARDING}/`)) return fallback
  return path
}

/** The page's origin in the browser; on the server (prerender) the public URL, or any fixed origin: only the path is kept. */
function currentOrigin(): string {
  if (typeof window !== 'undefined') return window.location.origin
  return process.env.NEXTAUTH_URL || 'http://localhost'
}

/**
 * In the browser, when the reader acts: the page's own `?callbackUrl=`, checked. Not `router.query`: on a
 * statically optimised page the router reports ready with an empty query until just after hydration, and a
 * click in that window (a slow phone, an autofilled name) sent the reader to the fallback instead.
 */
export function callbackUrlFromAddressBar(fallback = DEMO_HOME): string {
  return safeCallbackUrl(new URLSearchParams(window.location.search).get('callbackUrl'), fallback)
}
