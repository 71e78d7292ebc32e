// The onboarding route's origin check (src/server/same-origin.ts): this origin only, a 403 reason otherwise. The
// origin is BETTER_AUTH_URL's, or on a trusted host (AUTH_TRUST_HOST=true, Vercel) the forwarded one, else Host.
import { afterEach, describe, expect, it, vi } from 'vitest'

/** The module as the app loads it under these settings: src/env.js reads the environment once, at import. */
async function refusalUnder(settings: Record<string, string | undefined>) {
  vi.resetModules()
  for (const name of ['BETTER_AUTH_URL', 'AUTH_TRUST_HOST', 'VERCEL']) vi.stubEnv(name, settings[name])
  return (await import('~/server/same-origin')).crossOriginRefusal
}
afterEach(() => {
  vi.unstubAllEnvs()
  vi.resetModules()
})

const post = (headers: Record<string, string>, url = 'http://localhost:3000/api/onboarding/complete') =>
  new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } })
const forwarded = { host: 'internal:8080', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'app.example' }

describe('crossOriginRefusal', () => {
  it('with BETTER_AUTH_URL: its origin only, whatever Host or X-Forwarded-* say', async () => {
    const refusal = await refusalUnder({ BETTER_AUTH_URL: 'https://app.example/base' })
    expect(refusal(post({ origin: 'https://app.example', host: 'other:1' }))).toBeNull()
    for (const origin of ['http://localhost:3000', 'http://app.example', 'https://app.example:8443', 'https://evil.example', 'null']) {
      expect(refusal(post({ origin, host: 'localhost:3000', 'x-forwarded-host': 'evil.example' })), origin).toBe(`Requests from ${origin} are refused: same origin only.`)
    }
  })

  it('without it, on an untrusted host: the Host header (else the request URL), never X-Forwarded-*', async () => {
    const refusal = await refusalUnder({})
    expect(refusal(post({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBeNull()
    expect(refusal(post({ origin: 'http://internal:8080', ...forwarded }))).toBeNull()
    expect(refusal(post({ origin: 'https://app.example', ...forwarded }))).toBe('Requests from https://app.example are refused: same origin only.')
    // No Host header: the request URL's host and scheme.
    expect(refusal(post({ origin: 'http://localhost:3000' }))).toBeNull()
    expect(refusal(post({ origin: 'http://localhost:3001' }))).toMatch(/^Requests from http:\/\/localhost:3001 are refused/)
  })

  it('on a trusted host (AUTH_TRUST_HOST=true or Vercel): the forwarded scheme and host, each falling back on its own', async () => {
    for (const trust of [{ AUTH_TRUST_HOST: 'true' }, { VERCEL: '1' }]) {
      const refusal = await refusalUnder(trust)
      const what = JSON.stringify(trust)
      expect(refusal(post({ origin: 'https://app.example', ...forwarded })), what).toBeNull()
      expect(refusal(post({ origin: 'http://internal:8080', ...forwarded })), what).not.toBeNull()
      // Only one of the two forwarded: the other from the request itself.
      expect(refusal(post({ origin: 'https://internal:8080', host: 'internal:8080', 'x-forwarded-proto': 'https' })), what).toBeNull()
      expect(refusal(post({ origin: 'http://app.example', host: 'internal:8080', 'x-forwarded-host': 'app.example' })), what).toBeNull()
    }
    // Anything but exactly "true" trusts nothing.
    const untrusted = await refusalUnder({ AUTH_TRUST_HOST: '1' })
    expect(untrusted(post({ origin: 'https://app.example', ...forwarded }))).not.toBeNull()
  })

  it('no Origin: Sec-Fetch-Site must be same-origin or none (a typed URL); neither header (curl) passes', async () => {
    const refusal = await refusalUnder({ BETTER_AUTH_URL: 'http://localhost:3000' })
    for (const site of ['same-origin', 'none']) expect(refusal(post({ 'sec-fetch-site': site })), site).toBeNull()
    expect(refusal(post({}))).toBeNull()
    for (const site of ['same-site', 'cross-site']) expect(refusal(post({ 'sec-fetch-site': site })), site).toBe(`A ${site} request is refused: same origin only.`)
  })
})
