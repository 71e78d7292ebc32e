// The one-request update's cookie (demo/reissue-session.ts, writing with the guide's content/v4/reissue-session.ts) in
// the fast tests: its name and flags over http and https, the claims it carries (the row's, the session's epoch and
// policy kept), and stale chunks expired. Issue 22: the Secure flag was checked only by the snippet tests.
import { createServer } from 'node:http'
import { decode, type JWT } from 'next-auth/jwt'
import { afterEach, describe, expect, it } from 'vitest'
import { reissueSession } from '@/demo/reissue-session'
import { authSecret } from '@/demo/secret'
import { SESSION_MAX_AGE } from '@/demo/session-max-age'
import type { UserRow } from '@/demo/users'

const publicUrl = process.env.NEXTAUTH_URL
afterEach(() => {
  process.env.NEXTAUTH_URL = publicUrl
})

const row: UserRow = { id: 'u1', name: 'Ada', email: null, image: null, role: 'reader', onboardingStep: 'COMPLETED', goal: 'ship', version: 5, suspended: 0, sessionEpoch: 2 }
const token: JWT = { sub: 'u1', name: 'Ada', role: 'reader', onboardingStep: 'INITIAL', ver: 4, sid: 'sid-1', epoch: 2, stalePolicy: 'epoch', mintedBy: 'demo' }

/** The Set-Cookie lines reissueSession puts on a real Node response, for a request carrying `cookie`. */
async function setCookies(cookie?: string): Promise<string[]> {
  const server = createServer(async (req, res) => {
    try {
      await reissueSession(req as never, res as never, token, row)
    } catch (error) {
      res.statusCode = 500 // answered, so a failure fails the test at once rather than by its timeout
      res.removeHeader('Set-Cookie')
      res.write(String(error))
    }
    res.end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  try {
    const { port } = server.address() as { port: number }
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: cookie ? { cookie } : {} })
    return res.headers.getSetCookie()
  } finally {
    server.close()
  }
}

const attributes = (line: string) => line.split('; ').slice(1)

describe('the re-issued session cookie', () => {
  it('over http: next-auth.session-token, HttpOnly, SameSite=Lax, Path=/, expiring with the session, not Secure', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000'
    const before = Date.now()
    const [line, ...rest] = await setCookies()
    expect(rest).toEqual([])
    expect(line).toMatch(/^next-auth\.session-token=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/)
    const expires = Date.parse(/Expires=([^;]+)/.exec(line)![1])
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + SESSION_MAX_AGE * 1000 - 1000)
    expect(expires).toBeLessThanOrEqual(Date.now() + SESSION_MAX_AGE * 1000)
  })

  it('over https: __Secure-next-auth.session-token with the Secure flag', async () => {
    process.env.NEXTAUTH_URL = 'https://demo.example'
    const [line] = await setCookies()
    expect(line).toMatch(/^__Secure-next-auth\.session-token=[^;]+; /)
    expect(attributes(line)).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax']))
  })

  it('carries the row’s claims and keeps the session’s id, epoch and policy', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000'
    const [line] = await setCookies()
    const value = /^next-auth\.session-token=([^;]+)/.exec(line)![1]
    const claims = await decode({ token: value, secret: authSecret() })
    expect(claims).toMatchObject({ sub: 'u1', onboardingStep: 'COMPLETED', ver: 5, sid: 'sid-1', epoch: 2, stalePolicy: 'epoch', mintedBy: 'demo' })
  })

  it('expires the chunks of an older chunked session, with the same flags', async () => {
    process.env.NEXTAUTH_URL = 'https://demo.example'
    const lines = await setCookies('__Secure-next-auth.session-token.0=a; __Secure-next-auth.session-token.1=b; other=c')
    expect(lines).toHaveLength(3)
    for (const chunk of lines.slice(0, 2)) {
      expect(chunk).toMatch(/^__Secure-next-auth\.session-token\.[01]=; Max-Age=0; Path=\/; HttpOnly; Secure; SameSite=Lax$/)
    }
  })

  it('is sealed with the demo’s secret when none is set (the one kept in DATA_DIR), as next-auth reads it', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000'
    const set = process.env.NEXTAUTH_SECRET
    delete process.env.NEXTAUTH_SECRET
    try {
      const kept = authSecret()
      expect(kept).not.toBe(set)
      const [line] = await setCookies()
      const value = /^next-auth\.session-token=([^;]+)/.exec(line)![1]
      expect(await decode({ token: value, secret: kept })).toMatchObject({ sub: 'u1', ver: 5 })
    } finally {
      process.env.NEXTAUTH_SECRET = set
    }
  })
})
