// demo/stale/gate.ts, the middleware's stale-claims step, on real encrypted cookies and real SQLite rows: what the
// response carries for each verdict (the refreshed cookie, every chunk of an ended session cleared, the cost headers)
// and which token the gate goes on to decide on.
import { NextRequest, NextResponse } from 'next/server'
import { decode, type JWT } from 'next-auth/jwt'
import { describe, expect, it } from 'vitest'
import { SESSION_COOKIE_MAX_BYTES, sessionCookieBytes } from '@/demo/cookie-budget'
import { authSecret } from '@/demo/secret'
import { sessionCookieName } from '@/demo/session-cookie'
import { checkStaleClaims } from '@/demo/stale/gate'
import { sessionCookieFor } from '@/demo/stale/reissue'
import { changeAccess } from '@/demo/stale/store'
import { createGuest } from '@/demo/users'

const request = (cookie = '') => new NextRequest('http://localhost:3000/demo/explore', { headers: cookie ? { cookie } : {} })

/** A guest row and a token minted from it at epoch 0, checked by `policy` (throttled: last checked long ago). */
function session(policy: 'none' | 'throttled' | 'epoch'): JWT {
  const row = createGuest('Stale gate')
  return { sub: row.id, name: row.name, role: 'reader', onboardingStep: 'INITIAL', ver: 1, epoch: 0, stalePolicy: policy, checkedAt: 0 }
}

/** `stale;desc="<verdict>";dur=<ms>`: the verdict, and the check's duration (a few ms at most, never negative). */
function serverTiming(res: NextResponse) {
  const m = /^stale;desc="(\w+)";dur=(\d+\.\d{3})$/.exec(res.headers.get('server-timing') ?? '')
  expect(m, res.headers.get('server-timing') ?? 'no Server-Timing').not.toBeNull()
  const ms = Number(m![2])
  expect(ms).toBeGreaterThanOrEqual(0)
  expect(ms).toBeLessThan(5_000)
  return m![1]
}

describe('checkStaleClaims(req, token)', () => {
  it('with no session: nothing to check, nothing added to the response', async () => {
    const check = await checkStaleClaims(request(), null)
    expect(check).toMatchObject({ token: null, verdict: 'no-session' })
    const res = NextResponse.next()
    expect(check.apply(res)).toBe(res)
    expect([...res.headers.keys()].filter((h) => /x-db-reads|server-timing|set-cookie/.test(h))).toEqual([])
  })

  it('policy none: keeps the token as minted, reads nothing, writes no cookie', async () => {
    const token = session('none')
    changeAccess(token.sub!, { role: 'editor' })
    const check = await checkStaleClaims(request(), token)
    expect(check.verdict).toBe('keep')
    expect(check.token).toBe(token)
    const res = check.apply(NextResponse.next())
    expect(res.headers.get('x-db-reads')).toBe('0')
    expect(serverTiming(res)).toBe('keep')
    expect(res.headers.getSetCookie()).toEqual([])
  })

  it('throttled, due: the gate decides on the row’s claims, and the response carries them in a new session cookie', async () => {
    const token = session('throttled')
    changeAccess(token.sub!, { role: 'editor' }) // a promotion: no revocation, the session learns it at its next read
    const before = Date.now()
    const check = await checkStaleClaims(request(), token)
    expect(check.verdict).toBe('refresh')
    expect(check.token).toMatchObject({ sub: token.sub, role: 'editor', ver: 2 })
    expect(check.token!.checkedAt).toBeGreaterThan(0)

    const res = check.apply(NextResponse.next())
    expect(res.headers.get('x-db-reads')).toBe('1')
    expect(serverTiming(res)).toBe('refresh')
    const written = res.cookies.get(sessionCookieName())
    expect(written).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' })
    expect(written!.expires!.valueOf()).toBeGreaterThan(before + 29 * 86_400_000)
    expect(await decode({ token: written!.value, secret: authSecret() })).toMatchObject({ sub: token.sub, role: 'editor', ver: 2 })
  })

  it('epoch, suspended: no token for the gate, every chunk of the session cookie cleared, other cookies left alone', async () => {
    const token = session('epoch')
    changeAccess(token.sub!, { suspended: true })
    const name = sessionCookieName()
    const cookies = [`${name}=whole`, `${name}.0=chunk0`, `${name}.1=chunk1`, 'next-auth.csrf-token=keep', `x${name}.0=keep`, 'theme=dark']
    const check = await checkStaleClaims(request(cookies.join('; ')), token)
    expect(check).toMatchObject({ token: null, verdict: 'end' })

    const res = check.apply(NextResponse.next())
    expect(res.headers.get('x-session-ended')).toBe('suspended')
    expect(res.headers.get('x-db-reads')).toBe('1')
    expect(serverTiming(res)).toBe('end')
    const cleared = res.headers.getSetCookie().map((line) => line.split(';')[0])
    expect(cleared.sort()).toEqual([`${name}.0=`, `${name}.1=`, `${name}=`])
    for (const line of res.headers.getSetCookie()) {
      expect(line).toMatch(/; Path=\/(;|$)/)
      expect(line).toMatch(/; Max-Age=0(;|$)/)
    }
  })

  it('epoch, still admitted: keeps the token, one read, no cookie written', async () => {
    const token = session('epoch')
    const check = await checkStaleClaims(request(), token)
    expect(check).toMatchObject({ token, verdict: 'keep' })
    const res = check.apply(NextResponse.next())
    expect(res.headers.get('x-db-reads')).toBe('1')
    expect(res.headers.getSetCookie()).toEqual([])
  })
})

describe('sessionCookieFor(token): the refreshed cookie, one cookie at most', () => {
  it('writes a token whose cookie is exactly one cookie long, and none a byte longer', async () => {
    const padded = (n: number): JWT => ({ sub: 'u-fit', stalePolicy: 'throttled', pad: 'x'.repeat(n) })
    // The encrypted value grows with the claims (1 or 2 characters per byte): find the token that fills the cookie.
    let n = 2_000
    while ((await sessionCookieBytes(padded(n))) < SESSION_COOKIE_MAX_BYTES) n++
    expect(await sessionCookieBytes(padded(n))).toBe(SESSION_COOKIE_MAX_BYTES)
    const full = await sessionCookieFor(padded(n))
    expect(full!.value).toHaveLength(SESSION_COOKIE_MAX_BYTES)
    expect(await sessionCookieFor(padded(n + 1))).toBeNull()
  })
})
