// demo/abuse-config.ts: what each abuse-limit variable accepts, and the refusal at start, naming the variable, of a
// value that does not parse (README, "Running it in public"). The defaults are abuse-defaults.test.ts's.
import { describe, expect, it } from 'vitest'
import { abuseLimits, parseDuration, parseRate } from '@/demo/abuse-config'

const env = (vars: Record<string, string>) => ({ NODE_ENV: 'test', ...vars }) as NodeJS.ProcessEnv

describe('parseDuration', () => {
  it('reads a number and a unit (s, m, h, d), decimals and surrounding spaces allowed', () => {
    expect(parseDuration('30s')).toBe(30_000)
    expect(parseDuration('10m')).toBe(600_000)
    expect(parseDuration('24h')).toBe(86_400_000)
    expect(parseDuration('2d')).toBe(172_800_000)
    expect(parseDuration('1.25m')).toBe(75_000)
    expect(parseDuration('0.5s')).toBe(500)
    expect(parseDuration(' 10 m ')).toBe(600_000)
    expect(parseDuration('\t3h\n')).toBe(10_800_000)
  })

  it('refuses zero, no unit, another unit, anything before or after, with the name and the value', () => {
    for (const bad of ['0s', '0.0m', '10', 'm', '10ms', '10w', 'x10m', '10mx', '10 m x', '1.m', '.5s', '-1h', '1e3s', '10m\n5s', ''])
      expect(() => parseDuration(bad, 'GUEST_IDLE_MAX'), JSON.stringify(bad)).toThrow(
        `GUEST_IDLE_MAX="${bad}" is not a duration such as 30s, 10m, 24h or 2d.`,
      )
    expect(() => parseDuration('soon')).toThrow('duration="soon" is not a duration such as 30s, 10m, 24h or 2d.')
  })
})

describe('parseRate', () => {
  it('reads max/duration, spaces allowed around each part; one per window is a rate', () => {
    expect(parseRate('20/10m')).toEqual({ max: 20, windowMs: 600_000 })
    expect(parseRate(' 5 / 1h ')).toEqual({ max: 5, windowMs: 3_600_000 })
    expect(parseRate('1/30s')).toEqual({ max: 1, windowMs: 30_000 })
  })

  it('refuses zero, a fraction, no window, a bad window, anything before it, or a second line', () => {
    for (const bad of ['0/10m', '1.5/10m', '20', '20/', '/10m', 'x20/10m', '20 x/10m', '20/10m\nx'])
      expect(() => parseRate(bad, 'GUEST_SIGNIN_LIMIT'), JSON.stringify(bad)).toThrow(/^GUEST_SIGNIN_LIMIT="/)
    expect(() => parseRate('lots')).toThrow('rate="lots" is not a rate such as 20/10m.')
    expect(() => parseRate('0/10m', 'GUEST_SIGNIN_LIMIT')).toThrow('GUEST_SIGNIN_LIMIT="0/10m" is not a rate such as 20/10m.')
    // A bad window is reported under the variable's name too.
    expect(() => parseRate('20/ever', 'GUEST_SIGNIN_LIMIT')).toThrow('GUEST_SIGNIN_LIMIT="ever" is not a duration such as 30s, 10m, 24h or 2d.')
  })
})

describe('abuseLimits(env)', () => {
  it('reads each variable', () => {
    expect(abuseLimits(env({ GUEST_SIGNIN_LIMIT: '3/1m', GUEST_ROWS_MAX: '1', GUEST_IDLE_MAX: '2h', TRUST_PROXY: '1' }))).toEqual({
      signIns: { max: 3, windowMs: 60_000 },
      guestRowsMax: 1,
      guestIdleMs: 7_200_000,
      trustProxy: true,
    })
    expect(abuseLimits(env({ GUEST_ROWS_MAX: '250000' })).guestRowsMax).toBe(250_000)
  })

  it('believes X-Forwarded-For only for TRUST_PROXY=1 or true', () => {
    expect(abuseLimits(env({ TRUST_PROXY: 'true' })).trustProxy).toBe(true)
    for (const off of ['0', 'false', 'yes', 'TRUE', ' 1', ''])
      expect(abuseLimits(env({ TRUST_PROXY: off })).trustProxy, off).toBe(false)
  })

  it('refuses at start a row cap that is not a positive whole number, naming the variable', () => {
    for (const bad of ['0', '-5', '1.5', 'many', '9007199254740993', 'Infinity'])
      expect(() => abuseLimits(env({ GUEST_ROWS_MAX: bad })), bad).toThrow(`GUEST_ROWS_MAX="${bad}" is not a positive whole number.`)
  })

  it('names the variable of a bad rate or idle time', () => {
    expect(() => abuseLimits(env({ GUEST_SIGNIN_LIMIT: '20 per minute' }))).toThrow(/^GUEST_SIGNIN_LIMIT="20 per minute" is not a rate/)
    expect(() => abuseLimits(env({ GUEST_IDLE_MAX: 'forever' }))).toThrow(/^GUEST_IDLE_MAX="forever" is not a duration/)
  })
})
