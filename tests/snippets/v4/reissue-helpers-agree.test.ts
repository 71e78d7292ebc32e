// The one-request update has two v4 helpers on the server-side-update chapter: the v4 starter's
// (starters/next-auth-v4/lib/reissue-session.ts, leaning on the starter's modules) and the stand-alone one
// (content/v4/reissue-session.ts, which the live demo runs). Same job, different shapes: this test fails when
// they stop writing the same cookie.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseCookie } from 'cookie'
import { decode, type JWT } from 'next-auth/jwt'
import { beforeAll, describe, expect, it } from 'vitest'

const SECRET = 'reissue-helpers-agree: a test secret of enough length'
// The starter reads its secret and its SQLite folder from the environment when its modules load.
process.env.NEXTAUTH_SECRET = SECRET
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'reissue-agree-'))

type Starter = typeof import('../../../starters/next-auth-v4/lib/reissue-session')
type Content = typeof import('@/content/v4/reissue-session')
let starter: Starter
let content: Content

beforeAll(async () => {
  starter = await import('../../../starters/next-auth-v4/lib/reissue-session')
  content = await import('@/content/v4/reissue-session')
})

const MAX_AGE = 30 * 24 * 60 * 60
const row = { id: 'user-1', email: 'ada@example.com', name: 'Ada', role: 'user', onboardingStep: 'COMPLETED', version: 2 }
const current: JWT = { sub: row.id, email: row.email, name: row.name, sid: 'session-1', role: 'user', onboardingStep: 'INITIAL', ver: 1 }

interface Written {
  name: string
  value: string
  httpOnly: boolean
  sameSite: string
  path: string
  secure: boolean
  /** seconds from now until it expires (0 for a deleted cookie) */
  lifetime: number
}

/** One Set-Cookie line, read as a browser would. */
function readLine(line: string): Written {
  const [pair, ...attrs] = line.split(';').map((p) => p.trim())
  const name = pair.slice(0, pair.indexOf('='))
  const value = decodeURIComponent(pair.slice(pair.indexOf('=') + 1))
  const has = (a: string) => attrs.some((x) => x.toLowerCase() === a)
  const attr = (a: string) => attrs.find((x) => x.toLowerCase().startsWith(`${a}=`))?.split('=')[1]
  const maxAge = attr('max-age')
  const expires = attr('expires')
  const lifetime = maxAge !== undefined ? Number(maxAge) : expires ? Math.round((Date.parse(expires) - Date.now()) / 1000) : -1
  return { name, value, httpOnly: has('httponly'), sameSite: (attr('samesite') ?? '').toLowerCase(), path: attr('path') ?? '', secure: has('secure'), lifetime }
}

async function starterWrites(secure: boolean, cookieHeader: string): Promise<Written[]> {
  const { serialize } = await import('cookie')
  const cookies = await starter.sessionCookiesFor({ current, row, requestCookieNames: Object.keys(parseCookie(cookieHeader)), secure })
  return cookies.map((c) => readLine(serialize(c.name, c.value, c.options)))
}

async function contentWrites(secure: boolean, cookieHeader: string): Promise<Written[]> {
  const token = { ...current, role: row.role, onboardingStep: row.onboardingStep, ver: row.version }
  const lines = await content.sessionCookies(token, { cookie: cookieHeader }, { secret: SECRET, maxAge: MAX_AGE, useSecureCookies: secure })
  return lines.map(readLine)
}

/** What must agree: every attribute, the lifetime to the second or two, and what the value decodes to. */
async function comparable(written: Written[]) {
  const out = []
  for (const w of written.sort((a, b) => a.name.localeCompare(b.name))) {
    const claims = w.value ? await decode({ token: w.value, secret: SECRET }) : null
    out.push({
      ...w,
      value: claims && { sub: claims.sub, sid: claims.sid, role: claims.role, onboardingStep: claims.onboardingStep, ver: claims.ver },
      lifetime: Math.round(w.lifetime / 10),
    })
  }
  return out
}

describe('the starter’s reissue helper and the stand-alone one write the same cookie', () => {
  for (const secure of [false, true]) {
    const name = `${secure ? '__Secure-' : ''}next-auth.session-token`
    it(`over ${secure ? 'https' : 'http'}: name, attributes, expiry, expired chunks, and the claims next-auth decodes`, async () => {
      const header = `${name}.0=a; ${name}.1=b; other=1`
      const fromStarter = await comparable(await starterWrites(secure, header))
      const fromContent = await comparable(await contentWrites(secure, header))
      expect(fromStarter).toEqual(fromContent)
      // And what they agree on is next-auth's cookie: not two helpers agreeing on the same mistake.
      expect(fromStarter.map((c) => c.name)).toEqual([name, `${name}.0`, `${name}.1`])
      const [session, ...chunks] = fromStarter
      expect(session).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure, lifetime: MAX_AGE / 10 })
      expect(session.value).toEqual({ sub: row.id, sid: 'session-1', role: 'user', onboardingStep: 'COMPLETED', ver: 2 })
      for (const chunk of chunks) expect(chunk).toMatchObject({ value: null, lifetime: 0, secure })
    })
  }

  it('both refuse a session that would need a second cookie (next-auth 4 chunks past 4096 - 163 bytes)', async () => {
    const big = { ...current, name: 'x'.repeat(4000) }
    const bigRow = { ...row, name: big.name }
    await expect(starter.sessionCookiesFor({ current: big, row: bigRow, requestCookieNames: [], secure: false })).rejects.toBeInstanceOf(starter.SessionTooLarge)
    await expect(content.sessionCookies({ ...big, onboardingStep: 'COMPLETED' }, {}, { secret: SECRET })).rejects.toBeInstanceOf(content.SessionTooLargeError)
    expect(starter.MAX_SESSION_COOKIE_BYTES).toBe(4096 - 163)
  })
})
