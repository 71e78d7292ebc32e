// demo/guest-limits.ts without the HTTP round trip (guest-limits.test.ts drives it through next-auth's handler):
// who is counted (the socket's peer, or the proxy's last X-Forwarded-For entry; IPv6 per /64, every spelling of one
// block the same key) and what a refusal says, on the real SQLite counters.
import { describe, expect, it } from 'vitest'
import { clientAddress, normalizeAddress, reserveGuestSignIn } from '@/demo/guest-limits'

const req = (remoteAddress: string | undefined, xff?: string | string[]) => ({
  socket: { remoteAddress } as never,
  headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
})

describe('clientAddress(req, trustProxy)', () => {
  it('without TRUST_PROXY: the socket’s peer, whatever X-Forwarded-For says', () => {
    expect(clientAddress(req('192.0.2.5', '203.0.113.1'), false)).toBe('192.0.2.5')
    expect(clientAddress({ headers: {} } as never, false)).toBe('unknown')
  })

  it('with TRUST_PROXY: the last entry, trimmed; empty entries skipped; the peer when there is none', () => {
    expect(clientAddress(req('10.0.0.1', '203.0.113.1,   198.51.100.7  '), true)).toBe('198.51.100.7')
    expect(clientAddress(req('10.0.0.1', '203.0.113.1, 198.51.100.7, '), true)).toBe('198.51.100.7')
    expect(clientAddress(req('10.0.0.1', ['203.0.113.1', '198.51.100.8']), true)).toBe('198.51.100.8')
    expect(clientAddress(req('10.0.0.1'), true)).toBe('10.0.0.1')
    expect(clientAddress(req('10.0.0.1', ' , '), true)).toBe('10.0.0.1')
    expect(clientAddress(req('::ffff:10.0.0.2', ''), true)).toBe('10.0.0.2')
  })
})

describe('normalizeAddress(address)', () => {
  it('keeps IPv4 and anything that is not an IPv6 address as it is', () => {
    for (const a of ['192.0.2.10', 'unknown', 'x::ffff:1.2.3.4', '::ffff:1.2.3.4:5', ' 198.51.100.7']) expect(normalizeAddress(a), a).toBe(a)
  })

  it('reads an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(normalizeAddress('::ffff:192.0.2.10')).toBe('192.0.2.10')
    expect(normalizeAddress('::FFFF:10.200.30.4')).toBe('10.200.30.4')
  })

  it('keys IPv6 by its /64, in one spelling: lower case, no leading zeros, "::" expanded', () => {
    const cases: Record<string, string> = {
      '2001:db8:1:2:3:4:5:6': '2001:db8:1:2::/64',
      '2001:DB8:0001:0002::1': '2001:db8:1:2::/64',
      '2001:0db8:0000:00a0::': '2001:db8:0:a0::/64',
      '::1': '0:0:0:0::/64',
      '::': '0:0:0:0::/64',
      '1::2:3:4:5:6:7': '1:0:2:3::/64',
      '1:2::3:4:5:6': '1:2:0:0::/64',
      'fe80::1%eth0': 'fe80:0:0:0::/64',
    }
    for (const [address, key] of Object.entries(cases)) expect(normalizeAddress(address), address).toBe(key)
  })
})

describe('reserveGuestSignIn: what a refusal says', () => {
  const rowsOk = { guestRowsMax: Infinity, guestIdleMs: 86_400_000 }

  it('names the rate and the wait in seconds, minutes or hours, singular for one', () => {
    const t0 = 1_900_000_000_000
    const refuse = (address: string, max: number, windowMs: number, at = t0) => {
      for (let i = 0; i < max; i++) expect(reserveGuestSignIn(address, { signIns: { max, windowMs }, ...rowsOk }, t0).ok).toBe(true)
      return reserveGuestSignIn(address, { signIns: { max, windowMs }, ...rowsOk }, at)
    }
    expect(refuse('198.18.0.1', 1, 1_000)).toEqual({
      ok: false,
      retryAfterSeconds: 1,
      message: 'Too many guest sign-ins from your address (1 per 1 second). Try again in 1 second.',
    })
    expect(refuse('198.18.0.2', 2, 45_000, t0 + 15_000)).toMatchObject({
      retryAfterSeconds: 30,
      message: 'Too many guest sign-ins from your address (2 per 45 seconds). Try again in 30 seconds.',
    })
    expect(refuse('198.18.0.3', 3, 60_000)).toMatchObject({ message: 'Too many guest sign-ins from your address (3 per 1 minute). Try again in 1 minute.' })
    expect(refuse('198.18.0.4', 1, 3_600_000)).toMatchObject({ message: 'Too many guest sign-ins from your address (1 per 1 hour). Try again in 1 hour.' })
    expect(refuse('198.18.0.5', 1, 5_400_000, t0 + 1_800_000)).toMatchObject({
      retryAfterSeconds: 3_600,
      message: 'Too many guest sign-ins from your address (1 per 1.5 hours). Try again in 1 hour.',
    })
    expect(refuse('198.18.0.6', 1, 86_400_000)).toMatchObject({ message: 'Too many guest sign-ins from your address (1 per 24 hours). Try again in 24 hours.' })
    // The last millisecond of a window still waits a whole second, never 0.
    expect(refuse('198.18.0.7', 1, 10_000, t0 + 9_999)).toMatchObject({ retryAfterSeconds: 1 })
  })

  it('a full table: wait for the next cleanup (the idle time, an hour at most; a second at least)', () => {
    const full = (guestIdleMs: number) =>
      reserveGuestSignIn('198.18.1.1', { signIns: { max: 1_000, windowMs: 60_000 }, guestRowsMax: 0, guestIdleMs })
    expect(full(86_400_000)).toEqual({
      ok: false,
      retryAfterSeconds: 3_600,
      message: 'The demo holds as many guests as it allows right now. Try again later: idle guests are removed.',
    })
    expect(full(90_000)).toMatchObject({ retryAfterSeconds: 90 })
    expect(full(1_500)).toMatchObject({ retryAfterSeconds: 2 })
    expect(full(100)).toMatchObject({ retryAfterSeconds: 1 })
  })
})
