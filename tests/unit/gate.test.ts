// The onboarding gate: its decision (demo/gate.ts) for every path and token, and the middleware around it
// (middleware.ts) with real requests carrying real encrypted session cookies.
import { afterEach, describe, expect, it } from 'vitest'
import { NextRequest } from 'next/server'
import { gate } from '@/demo/gate'
import { config, middleware } from '@/middleware'
import { sitePolicy } from '@/security/headers.mjs'
import { sessionCookie } from '../support/demo-session'

// What next.config.mjs's `env` inlines into the built middleware.
process.env.SITE_CSP_HTTPS = sitePolicy({ https: true })

const done = { sub: 'u1', onboardingStep: 'COMPLETED' }
const fresh = { sub: 'u1', onboardingStep: 'INITIAL' }

describe('gate(pathname, token)', () => {
  it('always lets the sign-in page through', () => {
    for (const token of [null, fresh, done]) expect(gate('/demo', token)).toBeNull()
  })

  it('sends a request with no session to sign in', () => {
    for (const path of ['/demo/onboarding', '/demo/explore', '/demo/x/y']) expect(gate(path, null)).toBe('/demo')
  })

  it('lets a session onto the onboarding page, and elsewhere only once onboarding is COMPLETED', () => {
    expect(gate('/demo/onboarding', fresh)).toBeNull()
    expect(gate('/demo/explore', fresh)).toBe('/demo/onboarding')
    expect(gate('/demo/explore', done)).toBeNull()
  })

  it('holds a token without an onboardingStep, or with any other value', () => {
    for (const step of [undefined, '', 'completed', 'COMPLETED ', 'PROFILE']) {
      const token = { sub: 'u1', onboardingStep: step }
      expect(gate('/demo/explore', token), String(step)).toBe('/demo/onboarding')
    }
  })

  it('matches paths exactly: a look-alike of an open page is gated', () => {
    expect(gate('/demo/', null)).toBe('/demo')
    expect(gate('/demo/onboarding/x', fresh)).toBe('/demo/onboarding')
    expect(gate('/demo/onboardingx', fresh)).toBe('/demo/onboarding')
  })
})

describe('middleware.ts', () => {
  const url = process.env.NEXTAUTH_URL
  afterEach(() => {
    process.env.NEXTAUTH_URL = url
  })
  const request = (path: string, cookie?: string) =>
    new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} })

  it('runs on every path (the public-URL headers), in the Node.js runtime; the gate acts on /demo only', async () => {
    expect(config).toEqual({ runtime: 'nodejs', matcher: ['/:path*'] })
    for (const path of ['/', '/guide/the-problem', '/demox', '/api/demo/token', '/_next/static/x.js']) {
      const res = await middleware(request(path))
      expect(res.headers.get('x-middleware-next'), path).toBe('1')
      expect(res.headers.get('location'), path).toBeNull()
    }
    expect((await middleware(request('/demo/explore'))).status).toBe(307)
  })

  // next.config.mjs's headers() are fixed at build time; these follow the NEXTAUTH_URL the server runs with.
  it('sends HSTS and the https CSP when NEXTAUTH_URL is https at run time, none over http', async () => {
    process.env.NEXTAUTH_URL = 'https://lab.example'
    for (const path of ['/', '/api/auth/csrf', '/demo/explore', '/_next/static/x.js']) {
      const res = await middleware(request(path))
      expect(res.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{7,}; includeSubDomains$/)
      expect(res.headers.get('content-security-policy'), path).toBe(process.env.SITE_CSP_HTTPS)
    }
    // The sandbox document keeps its own policy (from next.config.mjs), however its path is spelled.
    for (const path of ['/lab-sandbox.html', '/%6cab-sandbox.html']) {
      const res = await middleware(request(path))
      expect(res.headers.get('strict-transport-security'), path).toMatch(/^max-age=/)
      expect(res.headers.get('content-security-policy'), path).toBeNull()
    }
    for (const publicUrl of ['http://localhost:3000', 'not a url', '']) {
      process.env.NEXTAUTH_URL = publicUrl
      const res = await middleware(request('/'))
      expect(res.headers.get('strict-transport-security'), publicUrl).toBeNull()
      expect(res.headers.get('content-security-policy'), publicUrl).toBeNull()
    }
  })

  it('redirects with the wanted path and query as callbackUrl, uncacheable', async () => {
    const res = await middleware(request('/demo/explore?tab=2'))
    expect(res.status).toBe(307)
    const to = new URL(res.headers.get('location')!)
    expect(to.origin + to.pathname).toBe('http://localhost:3000/demo')
    expect(to.searchParams.get('callbackUrl')).toBe('/demo/explore?tab=2')
    expect(res.headers.get('cache-control')).toBe('private, no-store')
  })

  it('reads the session cookie: INITIAL is held at onboarding, COMPLETED passes', async () => {
    const held = await middleware(request('/demo/explore', await sessionCookie(fresh)))
    expect(new URL(held.headers.get('location')!).pathname).toBe('/demo/onboarding')
    const passed = await middleware(request('/demo/explore', await sessionCookie(done)))
    expect(passed.headers.get('x-middleware-next')).toBe('1')
    expect(passed.headers.get('location')).toBeNull()
  })

  it('outside the gated pages (the sign-in page, the rest of the site) it neither reads nor touches a session, even a revoked one', async () => {
    // A session whose user is gone: on a gated page the stale check clears it and sends it to sign in.
    const revoked = await sessionCookie({ sub: 'no-such-user', onboardingStep: 'COMPLETED', stalePolicy: 'epoch', epoch: 0 })
    const gated = await middleware(request('/demo/explore', revoked))
    expect(new URL(gated.headers.get('location')!).pathname).toBe('/demo')
    expect(gated.headers.getSetCookie().join()).toMatch(/session-token=; Path=\/; Max-Age=0/)
    for (const path of ['/demo', '/', '/guide/the-problem', '/demox']) {
      const res = await middleware(request(path, revoked))
      expect([res.headers.get('x-middleware-next'), res.headers.get('location'), res.headers.getSetCookie()], path).toEqual(['1', null, []])
    }
  })

  it('passes the sign-in page with no session', async () => {
    expect((await middleware(request('/demo'))).headers.get('x-middleware-next')).toBe('1')
  })

  it('ignores a cookie sealed with another secret', async () => {
    const { encode } = await import('next-auth/jwt')
    const forged = `next-auth.session-token=${await encode({ token: done, secret: 'attacker-secret-0123456789abcdef' })}`
    const res = await middleware(request('/demo/explore', forged))
    expect(new URL(res.headers.get('location')!).pathname).toBe('/demo')
  })

  it('over https reads only the __Secure- cookie (next-auth v4 names it so when NEXTAUTH_URL is https)', async () => {
    process.env.NEXTAUTH_URL = 'https://lab.example'
    const plain = await sessionCookie(done, 'next-auth.session-token')
    expect(new URL((await middleware(request('/demo/explore', plain))).headers.get('location')!).pathname).toBe('/demo')
    const secure = await sessionCookie(done)
    expect(secure.startsWith('__Secure-next-auth.session-token=')).toBe(true)
    expect((await middleware(request('/demo/explore', secure))).headers.get('x-middleware-next')).toBe('1')
  })
})
