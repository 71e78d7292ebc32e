// The mutation route's guard (src/lib/same-origin.ts): JSON only (415), this origin only (403), each with a message.
import { describe, expect, it, vi } from 'vitest'
import { refuseForeignRequest } from '~/lib/same-origin'

const post = (headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/onboarding/complete', { method: 'POST', headers: { host: 'localhost:3000', 'x-forwarded-proto': 'http', ...headers } })

describe('refuseForeignRequest', () => {
  it('lets JSON from this origin through, and JSON with neither Origin nor Sec-Fetch-Site (curl)', () => {
    expect(refuseForeignRequest(post({ 'content-type': 'application/json', origin: 'http://localhost:3000' }))).toBeNull()
    expect(refuseForeignRequest(post({ 'content-type': 'Application/JSON; charset=utf-8', 'sec-fetch-site': 'same-origin' }))).toBeNull()
    expect(refuseForeignRequest(post({ 'content-type': 'application/json' }))).toBeNull()
  })

  it('answers 415 to what a cross-site form can send without a preflight, and to no type at all', () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'application/json-patch+json', '']) {
      const refusal = refuseForeignRequest(post(type ? { 'content-type': type, origin: 'http://localhost:3000' } : { origin: 'http://localhost:3000' }))
      expect(refusal?.status, type).toBe(415)
      expect(refusal?.error).toMatch(/JSON/)
    }
  })

  it('answers 403 to another origin (another port or host, a sibling) and to a cross-site fetch without Origin', () => {
    const foreign: Record<string, string>[] = [{ origin: 'http://evil.example' }, { origin: 'http://localhost:3001' }, { origin: 'https://localhost:3000' }, { origin: 'null' }, { 'sec-fetch-site': 'same-site' }, { 'sec-fetch-site': 'cross-site' }]
    for (const headers of foreign) {
      const refusal = refuseForeignRequest(post({ 'content-type': 'application/json', ...headers }))
      expect(refusal?.status, JSON.stringify(headers)).toBe(403)
      expect(refusal?.error).toMatch(/^Refused: /)
    }
  })

  it('Content-Type with spaces before its parameters is still JSON; Sec-Fetch-Site none (a typed URL) passes', () => {
    expect(refuseForeignRequest(post({ 'content-type': 'application/json ; charset=utf-8', origin: 'http://localhost:3000' }))).toBeNull()
    expect(refuseForeignRequest(post({ 'content-type': 'application/json', 'sec-fetch-site': 'none' }))).toBeNull()
    expect(refuseForeignRequest(post({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }))?.error).toContain('Sec-Fetch-Site: cross-site')
  })

  it('with AUTH_URL set, the origin is AUTH_URL’s, whatever the Host header says', async () => {
    const saved = process.env.AUTH_URL
    process.env.AUTH_URL = 'https://app.example'
    vi.resetModules() // src/env.js reads the environment once, at import
    try {
      const { refuseForeignRequest: refuse } = await import('~/lib/same-origin')
      expect(refuse(post({ 'content-type': 'application/json', origin: 'https://app.example' }))).toBeNull()
      expect(refuse(post({ 'content-type': 'application/json', origin: 'http://localhost:3000' }))).toMatchObject({ status: 403 })
    } finally {
      if (saved === undefined) delete process.env.AUTH_URL
      else process.env.AUTH_URL = saved
      vi.resetModules()
    }
  })
})
