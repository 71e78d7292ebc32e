// iron-session 9.0.1, run as a reader's app runs it: the route handler and the middleware of
// content/other/iron-session.ts on real Web Requests/Responses and NextRequests, with iron-session's own sealing.
import { getIronSession, webCookies } from 'iron-session'
import { NextRequest } from 'next/server'
import { RequestCookies } from 'next/dist/compiled/@edge-runtime/cookies'
import { RequestCookiesAdapter } from 'next/dist/server/web/spec-extension/adapters/request-cookies'
import { beforeEach, describe, expect, it } from 'vitest'
import { POST, middleware, sessionOptions, type OnboardingSession } from '@/content/other/iron-session'

const ORIGIN = 'http://localhost:3000'
const cookieOf = (res: Response) => res.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ')

/** A signed-in browser's cookie, sealed by iron-session itself (what a sign-in route would answer). */
async function signIn(): Promise<string> {
  const headers = new Headers()
  const session = await getIronSession<OnboardingSession>(webCookies(new Request(`${ORIGIN}/sign-in`), headers), sessionOptions())
  Object.assign(session, { userId: 'u1', onboardingStep: 'STARTED' })
  await session.save()
  return headers.getSetCookie()[0].split(';')[0]
}
const visit = (path: string, cookie: string) => middleware(new NextRequest(`${ORIGIN}${path}`, { headers: { cookie } }))

beforeEach(() => {
  process.env.SESSION_PASSWORD = 'a-password-of-at-least-32-characters!'
})

describe('iron-session: save() in the mutation’s own answer', () => {
  it('one request: the answer carries the new cookie, and the gate lets the next page through', async () => {
    const before = await signIn()
    expect((await visit('/explore', before)).headers.get('location')).toBe(`${ORIGIN}/onboarding`)
    const answer = await POST(new Request(`${ORIGIN}/api/onboarding/complete`, { method: 'POST', headers: { cookie: before } }))
    expect(answer.status).toBe(200)
    expect(await answer.json()).toEqual({ onboardingStep: 'COMPLETED' })
    const after = cookieOf(answer)
    expect(after).toMatch(/^session=Fe26\.2\*/) // iron's sealed format: the claims travel in the cookie
    const gate = await visit('/explore', after)
    expect(gate.headers.get('location')).toBeNull()
    expect(gate.headers.get('x-middleware-next')).toBe('1')
  })

  it('another device keeps its own sealed copy: the server has nothing to change or revoke until it expires', async () => {
    const otherDevice = await signIn()
    await POST(new Request(`${ORIGIN}/api/onboarding/complete`, { method: 'POST', headers: { cookie: otherDevice } }))
    // The cookie the other device still holds unseals, with the old claim, and the gate still holds it back.
    expect((await visit('/explore', otherDevice)).headers.get('location')).toBe(`${ORIGIN}/onboarding`)
    // ...for iron-session's default lifetime: 14 days (less its 60 s of clock skew) as the cookie's Max-Age.
    const headers = new Headers()
    const session = await getIronSession<OnboardingSession>(webCookies(new Request(ORIGIN), headers), sessionOptions())
    await session.save()
    expect(headers.getSetCookie()[0]).toContain(`Max-Age=${14 * 24 * 3600 - 60}`)
  })

  it('answers 401 and sets no cookie without a session', async () => {
    const answer = await POST(new Request(`${ORIGIN}/api/onboarding/complete`, { method: 'POST' }))
    expect(answer.status).toBe(401)
    expect(answer.headers.getSetCookie()).toEqual([])
  })

  it('not from a Server Component: Next’s read-only cookies() there refuses the write save() makes', async () => {
    const cookie = await signIn()
    // What next/headers' cookies() is during a Server Component render: Next seals the request's cookies.
    const readOnly = RequestCookiesAdapter.seal(new RequestCookies(new Headers({ cookie })))
    const session = await getIronSession<OnboardingSession>(readOnly, sessionOptions())
    expect(session.onboardingStep).toBe('STARTED')
    session.onboardingStep = 'COMPLETED'
    await expect(session.save()).rejects.toThrow(/Cookies can only be modified in a Server Action or Route Handler/)
  })

  it('refuses to start without a password of 32 characters, naming the variable', () => {
    delete process.env.SESSION_PASSWORD
    expect(() => sessionOptions()).toThrow('SESSION_PASSWORD is not set')
    expect(() => sessionOptions('short')).toThrow('SESSION_PASSWORD is not set')
  })
})
