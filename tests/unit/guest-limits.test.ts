// Finding 4: guest sign-ins limited per address and in total, counted in SQLite (shared by every server on
// DATA_DIR), answered 429 with Retry-After and a message; idle guests removed at start and periodically; a
// session whose row is gone signed out cleanly. With a clock the test controls (vi fake Date / timers).
import Database from 'better-sqlite3'
import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { Client } from '../support/client'
import { startApiServer, type ApiServer } from '../support/api-server'

// Each test drives next-auth's real handler over HTTP (several requests, JWE encryption): seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

let server: ApiServer

beforeAll(async () => {
  server = await startApiServer({ GUEST_SIGNIN_LIMIT: '3/10m', GUEST_ROWS_MAX: '1000', GUEST_IDLE_MAX: '24h' })
}, 60_000)
afterAll(() => server?.close())
afterEach(() => {
  vi.useRealTimers()
  delete process.env.TRUST_PROXY
  process.env.GUEST_ROWS_MAX = '1000'
})

/** A guest sign-in as next-auth/react sends it, with extra headers (X-Forwarded-For). */
async function guestSignIn(headers: Record<string, string> = {}, name = 'Guest') {
  const c = new Client(server.url)
  const csrfToken = await c.csrf()
  const reply = await c.request('/api/auth/callback/demo', { method: 'POST', headers, form: { name, csrfToken, json: 'true' } })
  return { c, reply, error: reply.json?.url ? new URL(reply.json.url).searchParams.get('error') : null }
}

function guestRows() {
  const db = new Database(join(server.dataDir, 'demo.sqlite'), { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('guest sign-in rate limit (GUEST_SIGNIN_LIMIT=3/10m here; 20/10m by default)', () => {
  it('answers the 4th sign-in from one address with 429, Retry-After and a message next-auth/react shows, writing no row', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const t0 = Date.now()
    vi.setSystemTime(t0)
    const xff = { 'x-forwarded-for': '203.0.113.7' } // not believed: TRUST_PROXY is off, so all count as 127.0.0.1
    for (let i = 0; i < 3; i++) expect((await guestSignIn(xff)).reply.status).toBe(200)
    const rows = guestRows()

    const refused = await guestSignIn({ 'x-forwarded-for': '203.0.113.8' })
    expect(refused.reply.status).toBe(429)
    expect(refused.reply.headers.get('retry-after')).toBe('600')
    expect(refused.error).toBe('Too many guest sign-ins from your address (3 per 10 minutes). Try again in 10 minutes.')
    expect(refused.reply.json.error).toBe(refused.error)
    const url = new URL(refused.reply.json.url)
    expect(url.origin + url.pathname).toBe(`${server.url}/api/auth/error`)
    expect(refused.reply.headers.get('cache-control')).toBe('no-store')
    expect(refused.reply.headers.getSetCookie().filter((l) => l.includes('session-token'))).toEqual([])
    expect(guestRows()).toBe(rows)
    // Only the guest sign-in is limited: the same address still reads its session and signs in otherwise.
    const other = new Client(server.url)
    expect((await other.request('/api/auth/session')).status).toBe(200)
    expect((await other.request('/api/auth/csrf')).status).toBe(200)
    expect((await other.callback('session-update', { ticket: 'x' })).status).toBe(401)
    expect((await other.request('/api/auth/callback/demo?name=Ada')).status).not.toBe(429)

    vi.setSystemTime(t0 + 4 * 60_000)
    // Without a public URL the error page's address is built from the Host the request came to.
    const publicUrl = process.env.NEXTAUTH_URL
    delete process.env.NEXTAUTH_URL
    const later = await guestSignIn()
    process.env.NEXTAUTH_URL = publicUrl
    expect(later.reply.headers.get('retry-after')).toBe('360')
    expect(new URL(later.reply.json.url).origin).toBe(new URL(server.url).origin)
    vi.setSystemTime(t0 + 10 * 60_000 + 1)
    expect((await guestSignIn()).reply.status).toBe(200)
    expect(guestRows()).toBe(rows + 1)
  })

  it('with TRUST_PROXY=1 counts the address the proxy appended (the last X-Forwarded-For entry)', async () => {
    process.env.TRUST_PROXY = '1'
    for (let i = 0; i < 3; i++) expect((await guestSignIn({ 'x-forwarded-for': `1.1.1.${i}, 198.51.100.1` })).reply.status).toBe(200)
    expect((await guestSignIn({ 'x-forwarded-for': '9.9.9.9, 198.51.100.1' })).reply.status).toBe(429)
    expect((await guestSignIn({ 'x-forwarded-for': '198.51.100.2' })).reply.status).toBe(200)
  })

  it('charges only the guest callback: the same valid form posted anywhere else costs the address nothing', async () => {
    process.env.TRUST_PROXY = '1'
    const address = { 'x-forwarded-for': '198.51.100.77' }
    // A form the guest check would pass (a valid CSRF token, a name it takes), sent where no guest is signed in:
    // another provider's callback, the sign-in action, the session endpoint, the sign-out.
    for (const path of ['/api/auth/callback/session-update-naive', '/api/auth/callback/session-restore', '/api/auth/signin/demo', '/api/auth/session', '/api/auth/signout']) {
      const c = new Client(server.url)
      const csrfToken = await c.csrf()
      const reply = await c.request(path, { method: 'POST', headers: address, form: { name: 'Guest', csrfToken, json: 'true' } })
      expect(reply.status, path).not.toBe(429)
    }
    // The whole budget (3 here) is still there for real guest sign-ins.
    for (let i = 0; i < 3; i++) expect((await guestSignIn(address)).reply.status).toBe(200)
    expect((await guestSignIn(address)).reply.status).toBe(429)
  })

  it('counts IPv6 clients per /64 and IPv4-mapped addresses as IPv4', async () => {
    const { normalizeAddress } = await import('@/demo/guest-limits')
    expect(normalizeAddress('2001:db8:1:2:aaaa::1')).toBe(normalizeAddress('2001:db8:1:2:bbbb:cccc:dddd:eeee'))
    expect(normalizeAddress('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64')
    expect(normalizeAddress('2001:db8:1:3::1')).not.toBe(normalizeAddress('2001:db8:1:2::1'))
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1')
  })

  it('is kept in the database: a second process on the same DATA_DIR sees the same count', async () => {
    const { reserveGuestSignIn } = await import('@/demo/guest-limits')
    const limits = { signIns: { max: 3, windowMs: 600_000 }, guestRowsMax: 1000, guestIdleMs: 86_400_000 }
    const now = Date.now() + 3_600_000
    for (let i = 0; i < 3; i++) expect(reserveGuestSignIn('192.0.2.1', limits, now).ok).toBe(true)
    // What another server sees: the rows in the file, read over its own connection.
    const other = new Database(join(server.dataDir, 'demo.sqlite'), { readonly: true })
    expect((other.prepare(`SELECT count(*) AS n FROM guest_signins WHERE address = '192.0.2.1'`).get() as { n: number }).n).toBe(3)
    other.close()
    expect(reserveGuestSignIn('192.0.2.1', limits, now)).toMatchObject({ ok: false, retryAfterSeconds: 600 })
  })
})

describe('guest rows cap (GUEST_ROWS_MAX)', () => {
  it('answers 429 once the table holds the cap, before writing a row', async () => {
    process.env.TRUST_PROXY = '1'
    process.env.GUEST_ROWS_MAX = String(guestRows() + 1)
    expect((await guestSignIn({ 'x-forwarded-for': '198.51.100.10' })).reply.status).toBe(200)
    const full = await guestSignIn({ 'x-forwarded-for': '198.51.100.11' })
    expect(full.reply.status).toBe(429)
    expect(Number(full.reply.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(full.error).toMatch(/as many guests as it allows/)
    expect(guestRows()).toBe(Number(process.env.GUEST_ROWS_MAX))
  })

  it('is checked again inside the insert, for servers racing on the last row', async () => {
    const { createGuest, GuestRowsFull } = await import('@/demo/users')
    expect(() => createGuest('Late', guestRows())).toThrow(GuestRowsFull)
  })
})

describe('idle guest cleanup (GUEST_IDLE_MAX, default 24 h)', () => {
  it('runs at start and then periodically, removing guests idle too long and no GitHub user', async () => {
    const { SCHEMA } = await import('@/demo/db')
    const { startGuestCleanup, cleanupEveryMs } = await import('@/demo/guest-cleanup')
    vi.useFakeTimers({ toFake: ['Date', 'setInterval'] })
    const t0 = Date.parse('2026-01-10T00:00:00Z')
    vi.setSystemTime(t0)
    const db = new Database(join(mkdtempSync(join(process.env.DATA_DIR!, 'cleanup-')), 'demo.sqlite'))
    db.exec(SCHEMA)
    const add = db.prepare('INSERT INTO users (id, name, github_id, last_seen_at, created_at) VALUES (?, ?, ?, ?, ?)')
    const H = 3_600_000
    add.run('old-guest', 'a', null, t0 - 25 * H, '2026-01-01T00:00:00.000Z')
    add.run('legacy-guest', 'b', null, null, '2026-01-08T00:00:00.000Z') // before last_seen_at: counts from creation
    add.run('fresh-guest', 'c', null, t0 - 1 * H, '2026-01-01T00:00:00.000Z')
    add.run('old-github', 'd', 'gh-1', t0 - 100 * H, '2026-01-01T00:00:00.000Z')
    const ids = () => (db.prepare('SELECT id FROM users ORDER BY id').all() as { id: string }[]).map((r) => r.id)

    process.env.GUEST_IDLE_MAX = '24h'
    startGuestCleanup(db)
    expect(ids()).toEqual(['fresh-guest', 'old-github'])

    vi.setSystemTime(t0 + 23 * H) // fresh-guest now idle 24 h: removed by the next periodic run
    vi.advanceTimersByTime(cleanupEveryMs(24 * H))
    expect(ids()).toEqual(['old-github'])
    db.close()
  })

  it('signs a session whose row is gone out cleanly: the mutation answers 401 and expires the cookie; update() signs out', async () => {
    const { db } = await import('@/demo/db')
    const { removeIdleGuests } = await import('@/demo/guest-cleanup')
    process.env.TRUST_PROXY = '1'
    const a = (await guestSignIn({ 'x-forwarded-for': '198.51.100.20' })).c
    const b = (await guestSignIn({ 'x-forwarded-for': '198.51.100.21' })).c
    expect(a.jar.has('next-auth.session-token')).toBe(true)
    // A day and a minute later, by the cleanup's clock: both rows go.
    expect(removeIdleGuests(db(), Date.now() + 24 * 3_600_000 + 60_000, 24 * 3_600_000)).toBeGreaterThanOrEqual(2)

    const mutation = await a.complete()
    expect(mutation.status).toBe(401)
    expect(mutation.json.error).toMatch(/no longer exists.*signed out/)
    expect(a.jar.has('next-auth.session-token')).toBe(false)

    const update = await b.update()
    expect(update.status).toBe(200)
    expect(update.json).toEqual({})
    expect(b.jar.has('next-auth.session-token')).toBe(false)
  })
})
