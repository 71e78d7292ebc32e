// The headers that depend on the site's public URL: HSTS and the CSP's upgrade-insecure-requests, only over https.
// next.config.mjs's headers() runs once, at build time (Next writes them into .next/routes-manifest.json), so a build
// made before NEXTAUTH_URL was https would serve neither. middleware.ts sets these per request instead, from the
// NEXTAUTH_URL the server runs with. Kept free of heavy imports: the middleware bundle includes this file.
import { LAB_SANDBOX_PATH } from '../lab/sandbox-path.mjs'

export const HSTS = 'max-age=31536000; includeSubDomains'

/** Is `publicUrl` an https URL? (An unset or unparsable one is not: no HSTS rather than a 500.) */
export function isHttpsUrl(publicUrl) {
  if (!publicUrl) return false
  try {
    return new URL(publicUrl).protocol === 'https:'
  } catch {
    return false
  }
}

/** The sandbox document, however its path is spelled (`/%6cab-sandbox.html` is the same file). */
function isSandbox(pathname) {
  try {
    return decodeURIComponent(pathname) === LAB_SANDBOX_PATH
  } catch {
    return false
  }
}

/**
 * [name, value] pairs to set on the response to `pathname` when the public URL is https: HSTS everywhere, and the
 * site's CSP with upgrade-insecure-requests (`httpsSitePolicy`, built with the rest at build time) everywhere but
 * the sandbox document, which keeps its own policy.
 */
export function publicUrlHeaders(publicUrl, pathname, httpsSitePolicy) {
  if (!isHttpsUrl(publicUrl)) return []
  const headers = [['Strict-Transport-Security', HSTS]]
  if (!isSandbox(pathname)) headers.push(['Content-Security-Policy', httpsSitePolicy])
  return headers
}
