import { Auth, type AuthConfig } from '@auth/core'

/**
 * Auth.js itself as a `fetch`: a test sends it plain Requests, as a browser sends them to /api/auth,
 * and gets Responses with real Set-Cookie headers back. No server, no mock.
 */
export function authFetch(config: AuthConfig): typeof fetch {
  return async (input, init) => Auth(new Request(input, init), { basePath: '/api/auth', trustHost: true, ...config })
}
