// The abuse limits' defaults, as README.md's configuration table documents them, and what each default does:
// 20 guest sign-ins per address per 10 minutes, 10,000 guest rows, idle guests removed after 24 h (cleanup hourly at
// most). Issue 22: raising the row cap's default to "unlimited" was caught by no test.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { abuseLimits, parseDuration, parseRate } from '@/demo/abuse-config'
import { db } from '@/demo/db'
import { cleanupEveryMs, removeIdleGuests } from '@/demo/guest-cleanup'
import { reserveGuestSignIn } from '@/demo/guest-limits'
import { createGuest, guestCount } from '@/demo/users'

/** README's configuration table: variable → its documented default (the second column, code spans unwrapped). */
function documentedDefaults(): Record<string, string> {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8')
  const table = readme.slice(readme.indexOf('## Configuration'))
  const rows = [...table.matchAll(/^\| `([A-Z_]+)`[^|]*\| ([^|]+) \|/gm)]
  return Object.fromEntries(rows.map(([, name, value]) => [name, value.trim().replace(/^`(.*)`$/, '$1')]))
}

/** An environment holding only `vars` (NODE_ENV, which the type requires, plays no part here). */
const env = (vars: Record<string, string>) => ({ NODE_ENV: 'test', ...vars }) as NodeJS.ProcessEnv

describe('the defaults, as documented', () => {
  const docs = documentedDefaults()
  const defaults = abuseLimits(env({}))

  it('README documents each limit with a default', () => {
    expect(docs).toMatchObject({ GUEST_SIGNIN_LIMIT: '20/10m', GUEST_ROWS_MAX: '10000', GUEST_IDLE_MAX: '24h', TRUST_PROXY: 'off' })
  })

  it('abuseLimits() with nothing set is exactly what README says', () => {
    expect(defaults).toEqual({
      signIns: parseRate(docs.GUEST_SIGNIN_LIMIT),
      guestRowsMax: Number(docs.GUEST_ROWS_MAX),
      guestIdleMs: parseDuration(docs.GUEST_IDLE_MAX),
      trustProxy: false,
    })
    expect(defaults).toEqual({ signIns: { max: 20, windowMs: 600_000 }, guestRowsMax: 10_000, guestIdleMs: 86_400_000, trustProxy: false })
    // An empty value is unset, not zero or unlimited.
    expect(abuseLimits(env({ GUEST_SIGNIN_LIMIT: '', GUEST_ROWS_MAX: '', GUEST_IDLE_MAX: '', TRUST_PROXY: '' }))).toEqual(defaults)
  })

  it('20 sign-ins per address in 10 minutes: the 21st is refused for what is left of the window', () => {
    const t0 = 1_700_000_000_000
    for (let i = 0; i < 20; i++) expect(reserveGuestSignIn('198.51.100.20', defaults, t0 + i * 1000)).toEqual({ ok: true })
    const refused = reserveGuestSignIn('198.51.100.20', defaults, t0 + 20_000)
    expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 580 })
    expect(reserveGuestSignIn('198.51.100.21', defaults, t0 + 20_000)).toEqual({ ok: true }) // per address
    expect(reserveGuestSignIn('198.51.100.20', defaults, t0 + 600_001)).toEqual({ ok: true }) // the window moved on
  })

  it('10,000 guest rows: the next guest sign-in is refused, and so is the insert itself', () => {
    const have = guestCount()
    const insert = db().prepare("INSERT INTO users (id, name, onboarding_step, last_seen_at) VALUES (?, 'Filler', 'INITIAL', ?)")
    db().transaction(() => {
      for (let i = have; i < 9_999; i++) insert.run(`filler-${i}`, Date.now())
    })()
    expect(guestCount()).toBe(9_999)
    expect(reserveGuestSignIn('198.51.100.30', defaults)).toEqual({ ok: true })
    createGuest('The 10,000th', defaults.guestRowsMax)
    expect(reserveGuestSignIn('198.51.100.31', defaults)).toMatchObject({ ok: false, retryAfterSeconds: 3600 })
    expect(() => createGuest('One too many', defaults.guestRowsMax)).toThrow(/as many guests as it allows/)
    expect(guestCount()).toBe(10_000)
  })

  it('24 h idle: a guest last seen just under 24 h ago stays, one just over goes; cleanup runs hourly', () => {
    const now = 1_800_000_000_000
    db().exec('DELETE FROM users')
    const kept = createGuest('Recent', Infinity, now - defaults.guestIdleMs + 1_000)
    const gone = createGuest('Idle', Infinity, now - defaults.guestIdleMs - 1_000)
    expect(removeIdleGuests(db(), now, defaults.guestIdleMs)).toBe(1)
    const ids = (db().prepare('SELECT id FROM users').all() as { id: string }[]).map((r) => r.id)
    expect(ids).toContain(kept.id)
    expect(ids).not.toContain(gone.id)
    expect(cleanupEveryMs(defaults.guestIdleMs)).toBe(3_600_000)
  })
})
