// demo/api/http.ts, the helpers every demo endpoint starts with: which origin is "ours", who may call a mutating
// endpoint, and what counts as a JSON body. Called directly with a recording response (Next's API resolver, with
// the real routes, is in demo-api.test.ts and demo-origin.test.ts).
import type { NextApiRequest, NextApiResponse } from 'next'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { allowMethod, jsonBody, sameOriginOnly, siteOrigin } from '@/demo/api/http'

const url = process.env.NEXTAUTH_URL
afterEach(() => {
  if (url === undefined) delete process.env.NEXTAUTH_URL
  else process.env.NEXTAUTH_URL = url
})

function call(req: Partial<NextApiRequest>) {
  const answer = { status: 0, body: undefined as unknown, headers: {} as Record<string, string> }
  const res = {
    status(code: number) {
      answer.status = code
      return this
    },
    json(body: unknown) {
      answer.body = body
    },
    setHeader(name: string, value: string) {
      answer.headers[name.toLowerCase()] = value
    },
  } as unknown as NextApiResponse
  return { req: { headers: {}, ...req } as NextApiRequest, res, answer }
}

describe('siteOrigin', () => {
  it('is the public URL’s origin when NEXTAUTH_URL is set, whatever the Host says', () => {
    process.env.NEXTAUTH_URL = 'https://lab.example/base/path'
    expect(siteOrigin({ headers: { host: 'evil.example' } })).toBe('https://lab.example')
  })

  it('is the Host the request came to without it, and localhost without either', () => {
    delete process.env.NEXTAUTH_URL
    expect(siteOrigin({ headers: { host: 'localhost:3100' } })).toBe('http://localhost:3100')
    expect(siteOrigin({ headers: {} })).toBe('http://localhost')
  })
})

describe('sameOriginOnly', () => {
  it.each([
    [{ origin: 'https://lab.example' }, true],
    [{ origin: 'https://lab.example:8443' }, false],
    [{ 'sec-fetch-site': 'same-origin' }, true],
    [{ 'sec-fetch-site': 'none' }, true],
    [{}, true],
    [{ 'sec-fetch-site': 'same-site' }, false],
    [{ 'sec-fetch-site': 'cross-site' }, false],
  ])('%j: %s', (headers, allowed) => {
    process.env.NEXTAUTH_URL = 'https://lab.example'
    const { req, res, answer } = call({ headers })
    expect(sameOriginOnly(req, res)).toBe(allowed)
    if (allowed) expect(answer.status).toBe(0)
    else {
      expect(answer.status).toBe(403)
      expect((answer.body as { error: string }).error).toMatch(/^Refused: this endpoint accepts requests from https:\/\/lab\.example only/)
    }
  })

  it('names what it refused', () => {
    process.env.NEXTAUTH_URL = 'https://lab.example'
    const site = call({ headers: { 'sec-fetch-site': 'same-site' } })
    sameOriginOnly(site.req, site.res)
    expect(site.answer.body).toEqual({ error: 'Refused: this endpoint accepts requests from https://lab.example only (Sec-Fetch-Site: same-site).' })
    const origin = call({ headers: { origin: 'https://evil.example' } })
    sameOriginOnly(origin.req, origin.res)
    expect(origin.answer.body).toEqual({ error: 'Refused: this endpoint accepts requests from https://lab.example only, not from https://evil.example.' })
  })
})

describe('allowMethod', () => {
  it('passes the method it allows; otherwise 405 with Allow and a message', () => {
    expect(allowMethod(call({ method: 'POST' }).req, call({}).res, 'POST')).toBe(true)
    const { req, res, answer } = call({ method: 'GET' })
    expect(allowMethod(req, res, 'POST')).toBe(false)
    expect(answer).toEqual({ status: 405, body: { error: 'Use POST.' }, headers: { allow: 'POST' } })
  })
})

describe('jsonBody', () => {
  const schema = z.strictObject({ goal: z.enum(['ship', 'learn']).default('ship') })
  const json = { 'content-type': 'application/json' }

  it('takes JSON by its media type, parameters and case aside', () => {
    for (const type of ['application/json', 'Application/JSON; charset=utf-8', 'application/json ;charset=utf-8']) {
      expect(jsonBody(call({ headers: { 'content-type': type }, body: { goal: 'learn' } }).req, call({}).res, schema), type).toEqual({ goal: 'learn' })
    }
  })

  it('refuses any other type with 415, an empty body included (a cross-site form cannot send JSON)', () => {
    for (const headers of [{}, { 'content-type': 'text/plain' }, { 'content-type': 'application/json-patch+json' }, { 'content-type': 'application/x-www-form-urlencoded' }]) {
      for (const body of [undefined, '', { goal: 'learn' }]) {
        const { req, res, answer } = call({ headers, body })
        expect(jsonBody(req, res, schema)).toBeUndefined()
        expect(answer).toMatchObject({ status: 415, body: { error: 'Send the body as application/json.' } })
      }
    }
  })

  it('counts an empty JSON body as {}', () => {
    for (const body of [undefined, '']) expect(jsonBody(call({ headers: json, body }).req, call({}).res, schema)).toEqual({ goal: 'ship' })
  })

  it('refuses an invalid body with 400, naming the field when there is one', () => {
    const field = call({ headers: json, body: { goal: 'nap' } })
    expect(jsonBody(field.req, field.res, schema)).toBeUndefined()
    expect(field.answer.status).toBe(400)
    expect((field.answer.body as { error: string }).error).toMatch(/^Invalid body at goal: /)
    const whole = call({ headers: json, body: 'text' })
    expect(jsonBody(whole.req, whole.res, schema)).toBeUndefined()
    expect((whole.answer.body as { error: string }).error).toMatch(/^Invalid body: /)
    const nested = call({ headers: json, body: { a: { b: 1 } } })
    expect(jsonBody(nested.req, nested.res, z.strictObject({ a: z.strictObject({ b: z.string() }) }))).toBeUndefined()
    expect((nested.answer.body as { error: string }).error).toMatch(/^Invalid body at a\.b: /)
  })
})
