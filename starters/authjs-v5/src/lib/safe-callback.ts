// Where the browser may go after sign-in: a path on this site, nothing else. Browsers treat `\` like `/` and drop
// tabs and newlines inside URLs, so `/\evil.example` and `/\t/evil.example` leave the site; percent-encoded forms
// (`/%5Cevil.example`, `%2F%2Fevil.example`) turn into those after one decode by whoever reads them next.
export const DEFAULT_AFTER_SIGN_IN = '/dashboard'

export function safeCallbackPath(value: string | string[] | undefined | null): string {
  // '' is refused below (it does not start with '/').
  if (typeof value !== 'string' || value.length > 2048) return DEFAULT_AFTER_SIGN_IN
  let decoded: string
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return DEFAULT_AFTER_SIGN_IN // malformed escapes
  }
  for (const v of [value, decoded]) {
    if (!v.startsWith('/') || v.startsWith('//')) return DEFAULT_AFTER_SIGN_IN
    // Backslashes, control characters (tab, CR, LF…) and spaces anywhere: never a path we link to.
    if (/[\\\u0000-\u0020\u007f]/.test(v)) return DEFAULT_AFTER_SIGN_IN
  }
  // Parsed against a placeholder origin, the result must stay on it (what a browser would resolve).
  const base = 'http://app.invalid'
  const url = new URL(value, base)
  // Stryker disable next-line ConditionalExpression: defence in depth; no value past the checks above resolves off `base`.
  if (url.origin !== base) return DEFAULT_AFTER_SIGN_IN
  return url.pathname + url.search + url.hash
}
