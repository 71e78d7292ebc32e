// Was signIn(provider, { redirect: false }) refused? next-auth 4's client (react/index.tsx) resolves with
// { error, status, ok, url }. `ok` alone is not enough:
//  - a refused Credentials sign-in: `error` holds the message thrown in authorize (or "CredentialsSignin");
//  - a failed CSRF check: the server answers 200 with a redirect URL ending in `?csrf=true`, so the client
//    gets ok: true, error: null and that URL.
import type { SignInResponse } from 'next-auth/react'

export function signInRefusal(result: SignInResponse | undefined, origin = 'http://localhost'): string | null {
  if (!result) return 'No answer from the server.'
  if (result.error) return result.error === 'CredentialsSignin' ? 'The server refused the update.' : result.error
  if (result.url && new URL(result.url, origin).searchParams.get('csrf') === 'true') {
    return 'The security check (CSRF) failed: reload the page and try again.'
  }
  if (!result.ok) return `The server answered ${result.status}.`
  return null
}
