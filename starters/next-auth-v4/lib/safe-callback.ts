// Where the sign-in page may send the browser afterwards: a path on this site, never another site. A browser
// reads `\` as `/` and drops tabs and newlines in a URL, so `/\evil.example` and `/\t/evil.example` mean
// `//evil.example`: another host. Anything not plainly a path of ours gives the fallback.
const SELF = 'http://self.invalid'

export function safeCallbackUrl(value: unknown, fallback = '/dashboard'): string {
  // Stryker disable next-line MethodExpression: startsWith('//') is checked again below, on the value and its decoded form.
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return fallback
  let decoded: string
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return fallback // a malformed escape: not a URL we made
  }
  // Backslashes, control characters (tab, newline) and a leading `//`, as sent or once decoded (`/%5Cevil.example`).
  for (const form of [value, decoded]) if (/[\\\u0000-\u001f\u007f]/.test(form) || form.startsWith('//')) return fallback
  const url = new URL(value, SELF)
  const path = url.pathname + url.search + url.hash
  // Dot segments can normalise into a leading `//` (`/.//evil.example` is the path `//evil.example`): refused too.
  return url.origin === SELF && !path.startsWith('//') ? path : fallback
}

/** The messages for the error codes that come back to /signin (next-auth's, and lib/github.ts's refusal). */
const SIGN_IN_ERRORS: Record<string, string> = {
  GitHubEmailUnverified:
    'A user with this email address exists, and GitHub has not verified it as your primary address: it was not linked. Verify it on GitHub, or sign in the way you did before.',
  AccessDenied: 'Sign-in was refused.',
  OAuthSignin: 'Could not start the GitHub sign-in. Try again.',
  OAuthCallback: 'GitHub sign-in did not complete. Try again.',
  Callback: 'Sign-in did not complete. Try again.',
  CredentialsSignin: 'Sign-in was refused.',
  SessionRequired: 'Sign in to see that page.',
}

/** What the page shows for `?error=`: a known code's message, never the query's own text. */
export function signInErrorMessage(code: unknown): string | null {
  if (typeof code !== 'string' || code === '') return null
  return Object.hasOwn(SIGN_IN_ERRORS, code) ? SIGN_IN_ERRORS[code] : 'Sign-in failed. Try again.'
}
