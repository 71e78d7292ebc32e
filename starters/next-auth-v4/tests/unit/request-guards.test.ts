// The mutation routes' first check (lib/request-guards.ts), with headers as browsers send them. The routes
// themselves, served by Next, are driven in tests/e2e/flow.test.ts.
import { afterEach, describe, expect, it } from 'vitest'
import { refuseRequest } from '../../lib/request-guards'

const saved = { url: process.env.NEXTAUTH_URL, trust: process.env.AUTH_TRUST_HOST }
afterEach(() => {
  if (saved.url === undefined) delete process.env.NEXTAUTH_URL
  else process.env.NEXTAUTH_URL = saved.url
  if (saved.trust === undefined) delete process.env.AUTH_TRUST_HOST
  else process.env.AUTH_TRUST_HOST = saved.trust
})
const JSON_TYPE = { 'content-type': 'application/json', host: 'app.example' }

describe('refuseRequest', () => {
  it('415 for every body a cross-site form can send, and for none', () => {
    process.env.NEXTAUTH_URL = 'https://app.example'
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', undefined]) {
      expect(refuseRequest({ host: 'app.example', origin: 'https://app.example', ...(type ? { 'content-type': type } : {}) })).toMatchObject({ status: 415 })
    }
    expect(refuseRequest({ ...JSON_TYPE, 'content-type': 'Application/JSON; charset=utf-8', origin: 'https://app.example' })).toBeNull()
  })

  it('403 with a message naming both origins for a foreign Origin, including a sibling port or scheme', () => {
    process.env.NEXTAUTH_URL = 'https://app.example'
    for (const origin of ['https://evil.example', 'http://app.example', 'https://app.example:8443', 'https://sub.app.example', 'null']) {
      const refusal = refuseRequest({ ...JSON_TYPE, origin })
      expect(refusal, origin).toMatchObject({ status: 403, error: expect.stringContaining(origin) })
      expect(refusal!.error).toContain('https://app.example')
    }
    expect(refuseRequest({ ...JSON_TYPE, origin: 'https://app.example' })).toBeNull()
  })

  it('no Origin: Sec-Fetch-Site decides; neither (curl, a server) is allowed', () => {
    process.env.NEXTAUTH_URL = 'https://app.example'
    expect(refuseRequest({ ...JSON_TYPE, 'sec-fetch-site': 'cross-site' })).toMatchObject({ status: 403 })
    expect(refuseRequest({ ...JSON_TYPE, 'sec-fetch-site': 'same-site' })).toMatchObject({ status: 403 })
    expect(refuseRequest({ ...JSON_TYPE, 'sec-fetch-site': 'same-origin' })).toBeNull()
    expect(refuseRequest(JSON_TYPE)).toBeNull()
  })

  it('on a trusted host without NEXTAUTH_URL, the origin is the forwarded one', () => {
    delete process.env.NEXTAUTH_URL
    process.env.AUTH_TRUST_HOST = 'true'
    const proxied = { ...JSON_TYPE, host: '127.0.0.1:3000', 'x-forwarded-host': 'app.example', 'x-forwarded-proto': 'https' }
    expect(refuseRequest({ ...proxied, origin: 'https://app.example' })).toBeNull()
    expect(refuseRequest({ ...proxied, origin: 'http://127.0.0.1:3000' })).toMatchObject({ status: 403 })
  })

  it('reads a Fetch API Headers object (the App Router handler) the same way', () => {
    process.env.NEXTAUTH_URL = 'https://app.example'
    expect(refuseRequest(new Headers({ ...JSON_TYPE, origin: 'https://evil.example' }))).toMatchObject({ status: 403 })
    expect(refuseRequest(new Headers({ host: 'app.example', 'content-type': 'text/plain' }))).toMatchObject({ status: 415 })
    expect(refuseRequest(new Headers({ ...JSON_TYPE, origin: 'https://app.example' }))).toBeNull()
  })

  it('Content-Type with spaces before its parameters is still JSON; the 415 says to send JSON', () => {
    process.env.NEXTAUTH_URL = 'https://app.example'
    expect(refuseRequest({ ...JSON_TYPE, 'content-type': 'application/json ; charset=utf-8', origin: 'https://app.example' })).toBeNull()
    expect(refuseRequest({ host: 'app.example', 'content-type': 'text/plain' })?.error).toMatch(/JSON/)
  })

  it('Sec-Fetch-Site none (the user typed the URL) passes; the 403 for another site says why', () => {
    process.env.NEXTAUTH_URL = 'https://app.example'
    expect(refuseRequest({ ...JSON_TYPE, 'sec-fetch-site': 'none' })).toBeNull()
    expect(refuseRequest({ ...JSON_TYPE, 'sec-fetch-site': 'cross-site' })?.error).toMatch(/own origin/)
  })

  it('NEXTAUTH_URL without a scheme is https, as next-auth reads it', () => {
    process.env.NEXTAUTH_URL = 'app.example'
    expect(refuseRequest({ ...JSON_TYPE, origin: 'https://app.example' })).toBeNull()
    expect(refuseRequest({ ...JSON_TYPE, origin: 'http://app.example' })).toMatchObject({ status: 403 })
  })

  it('with no NEXTAUTH_URL and an untrusted host, the origin is http:// and the Host header; a Host that is no host refuses', () => {
    delete process.env.NEXTAUTH_URL
    delete process.env.AUTH_TRUST_HOST
    expect(refuseRequest({ ...JSON_TYPE, host: 'localhost:3000', origin: 'http://localhost:3000' })).toBeNull()
    expect(refuseRequest({ ...JSON_TYPE, host: 'localhost:3000', origin: 'https://localhost:3000' })?.error).toContain('http://localhost:3000 only')
    const refusal = refuseRequest({ 'content-type': 'application/json', host: 'a b', origin: 'http://a b' })
    expect(refusal).toMatchObject({ status: 403, error: expect.stringContaining('its own origin only') })
    expect(refuseRequest({ 'content-type': 'application/json', origin: 'http://' })).toMatchObject({ status: 403 })
  })
})
