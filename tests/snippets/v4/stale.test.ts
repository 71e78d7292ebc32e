// "When someone else changes the user" in next-auth 4: each policy against the real handler, with the row changed
// behind the session's back (as an admin or a job would), and the clock moved rather than waited for.
import { NextRequest } from 'next/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/content/shared/users'
import { callbacks as epoch, signOutEverywhere } from '@/content/v4/stale-epoch'
import { middleware as epochGate } from '@/content/v4/stale-gate'
import { callbacks as none, session as noneSession } from '@/content/v4/stale-none'
import { callbacks as throttled } from '@/content/v4/stale-throttled'
import { serveAuth } from '@/content/v4/testing/serve-auth'
import { Client } from '../../support/client'
import { serve, signInProvider } from './setup'

const COOKIE = 'next-auth.session-token'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('policy "none" (v4)', () => {
  it('keeps the old role and even a suspension until the token expires, and maxAge is an idle timeout', async () => {
    const server = await serveAuth({ providers: [signInProvider], callbacks: { ...none, session: withId }, session: noneSession })
    try {
      const c = new Client(server.url)
      await c.callback('sign-in', { name: 'Ada' })
      const { user, expires } = await c.session()
      expect(user.role).toBe('reader')
      await db.setRole(user.id, 'editor')
      await db.suspend(user.id)
      expect((await c.session()).user).toMatchObject({ role: 'reader' })
      // Every session read re-issues the cookie with a fresh expiry, 15 minutes from now.
      expect(new Date(expires).getTime() - Date.now()).toBeGreaterThan(14 * 60_000)
      expect(new Date(expires).getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000)
    } finally {
      await server.close()
    }
  })
})

// The snippets' own session callbacks are not part of the stale policies: expose the id and role for the tests.
async function withId({ session, token }: { session: any; token: any }) {
  session.user.id = token.sub
  session.user.role = token.role
  return session
}

describe('policy "throttled re-read" (v4, N = 60 s)', () => {
  it('sees a role change only after N seconds, with no database read before then', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { client } = await serve([], { ...throttled, session: withId })
    const c = await client('Ada')
    const { id } = (await c.session()).user
    const reads = vi.spyOn(db, 'findUser')
    await db.setRole(id, 'editor')
    for (let i = 0; i < 5; i++) expect((await c.session()).user.role).toBe('reader')
    expect(reads).not.toHaveBeenCalled()

    vi.setSystemTime(Date.now() + 61_000)
    expect((await c.session()).user.role).toBe('editor')
    expect((await c.session()).user.role).toBe('editor')
    expect(reads).toHaveBeenCalledTimes(1)
  })

  it('ends the session of a suspended user (the cookie is cleared), not just a claim', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const { client } = await serve([], { ...throttled, session: withId })
    const c = await client('Ada')
    await db.suspend((await c.session()).user.id)
    expect((await c.session()).user).toBeDefined()
    vi.setSystemTime(Date.now() + 61_000)
    vi.spyOn(console, 'error').mockImplementation(() => {}) // next-auth logs the JWT_SESSION_ERROR it caught
    expect(await c.session()).toEqual({})
    expect(c.jar.has(COOKIE)).toBe(false)
  })
})

describe('policy "per-user epoch" (v4)', () => {
  async function gate(cookie: string) {
    const res = await epochGate(new NextRequest('http://localhost/explore', { headers: { cookie } }))
    return { to: res.headers.get('location') ? new URL(res.headers.get('location')!).pathname : 'through', setCookie: res.headers.get('set-cookie') ?? '' }
  }

  it('sign out everywhere: every copy of the session fails its next check, in the jwt callback and at the gate', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { client } = await serve([], { ...epoch, session: withId })
    const laptop = await client('Ada')
    const phone = await client()
    phone.jar.set(COOKIE, laptop.jar.get(COOKIE)!) // the same user on another device
    const { id } = (await laptop.session()).user
    const reads = vi.spyOn(db, 'findUser')
    expect((await phone.session()).user.id).toBe(id)
    expect(reads).toHaveBeenCalledTimes(1) // one read per check
    expect((await gate(phone.cookieHeader())).to).toBe('through')

    await signOutEverywhere(id)
    const refused = await gate(phone.cookieHeader())
    expect(refused.to).toBe('/signin')
    expect(refused.setCookie).toMatch(new RegExp(`${COOKIE}=;`))
    expect(await phone.session()).toEqual({})
    expect(phone.jar.has(COOKIE)).toBe(false)
    expect(await laptop.session()).toEqual({})
  })

  it('a promotion is not a revocation: the token keeps its claims; a demotion or a suspension ends it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { client } = await serve([], { ...epoch, session: withId })
    const c = await client('Ada')
    const { id } = (await c.session()).user
    await db.setRole(id, 'editor')
    expect((await c.session()).user.role).toBe('reader')
    expect((await gate(c.cookieHeader())).to).toBe('through')
    await db.setRole(id, 'reader')
    expect((await gate(c.cookieHeader())).to).toBe('/signin')
    expect(await c.session()).toEqual({})

    const d = await client('Bob')
    await db.suspend((await d.session()).user.id)
    expect((await gate(d.cookieHeader())).to).toBe('/signin')
  })

  it('lets a visitor with no session go to sign-in without touching the database', async () => {
    const reads = vi.spyOn(db, 'findUser')
    const res = await gate('')
    expect(res.to).toBe('/signin')
    expect(res.setCookie).toBe('')
    expect(reads).not.toHaveBeenCalled()
  })
})
