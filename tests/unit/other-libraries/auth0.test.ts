// @auth0/nextjs-auth0 4.30.0, offline: a local Auth0Client (no call to Auth0 is needed to read or rewrite a
// session), its own cookie encryption (generateSessionCookie is the SDK's test helper, same key derivation), and
// content/other/auth0.ts's route handler and gate on real NextRequests/NextResponses.
import { Auth0Client } from '@auth0/nextjs-auth0/server'
import { generateSessionCookie } from '@auth0/nextjs-auth0/testing'
import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { completeOnboarding, onboardingDone } from '@/content/other/auth0'

const ORIGIN = 'http://localhost:3000'
const SECRET = 'a-local-secret-for-the-session-cookie-0123456789abcdef'

function client() {
  // `domain` is only used when the SDK talks to Auth0 (sign-in, token refresh): never in these tests.
  return new Auth0Client({ domain: 'tenant.invalid', clientId: 'client', clientSecret: 'secret', appBaseUrl: ORIGIN, secret: SECRET })
}

async function signedInCookie() {
  const now = Math.floor(Date.now() / 1000)
  const value = await generateSessionCookie(
    {
      user: { sub: 'auth0|u1', onboardingStep: 'STARTED' },
      tokenSet: { accessToken: 'at', expiresAt: now + 3600 },
      internal: { sid: 'sid-1', createdAt: now },
    },
    { secret: SECRET },
  )
  return `__session=${value}`
}
const request = (path: string, cookie?: string, method = 'GET') =>
  new NextRequest(`${ORIGIN}${path}`, { method, headers: cookie ? { cookie } : {} })
const cookieOf = (res: Response) => res.headers.getSetCookie().filter((l) => !/Max-Age=0/.test(l)).map((l) => l.split(';')[0]).join('; ')

describe('nextjs-auth0: updateSession(req, res, session)', () => {
  it('one request: the answer carries the re-encrypted cookie, and the gate reads the new claim from it', async () => {
    const auth0 = client()
    const before = await signedInCookie()
    expect(await onboardingDone(auth0, request('/explore', before))).toBe(false)
    const answer = await completeOnboarding(auth0, request('/api/onboarding/complete', before, 'POST'))
    expect(answer.status).toBe(200)
    const after = cookieOf(answer)
    expect(after).toMatch(/^__session=eyJ/) // a JWE: the claims travel in the cookie
    expect(await onboardingDone(auth0, request('/explore', after))).toBe(true)
    // Same session: the SDK keeps its internal part (sid, createdAt), so this is an update, not a new sign-in.
    const session = await auth0.getSession(request('/explore', after))
    expect(session?.internal.sid).toBe('sid-1')
  })

  it('another device keeps its own encrypted copy, old claim and all', async () => {
    const auth0 = client()
    const otherDevice = await signedInCookie()
    await completeOnboarding(auth0, request('/api/onboarding/complete', otherDevice, 'POST'))
    expect(await onboardingDone(auth0, request('/explore', otherDevice))).toBe(false)
  })

  it('with the default cookie store, the server cannot end another device’s session: back-channel logout needs a session store', async () => {
    const answer = await client().middleware(request('/auth/backchannel-logout', undefined, 'POST'))
    expect(answer.status).toBe(500)
    expect(await answer.text()).toBe('A session data store is not configured.')
  })

  it('answers 401 without a session and sets no session cookie', async () => {
    const answer = await completeOnboarding(client(), request('/api/onboarding/complete', undefined, 'POST'))
    expect(answer.status).toBe(401)
    expect(cookieOf(answer)).toBe('')
  })
})
