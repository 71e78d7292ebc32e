// "When someone else changes the user" in Auth.js v5: each policy against the real Auth() handler, and the auth()
// middleware, which runs the jwt callback (and re-issues the cookie) on every matched request.
// setup first: it sets AUTH_SECRET before next-auth reads it.
import { auth, middlewareWith } from './setup'
import type { NextAuthConfig } from 'next-auth'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/content/shared/users'
import { callbacks as epoch } from '@/content/v5/stale-epoch'
import { callbacks as none, session as noneSession } from '@/content/v5/stale-none'
import { callbacks as throttled } from '@/content/v5/stale-throttled'

const COOKIE = 'authjs.session-token'

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

// The snippets' session callbacks are not part of the policies: expose the id and role for the tests.
const withId: NextAuthConfig['callbacks'] = {
  async session({ session, token }) {
    session.user.id = token.sub ?? ''
    session.user.role = token.role
    return session
  },
}

describe('policy "none" (v5)', () => {
  it('keeps the old role and a suspension; maxAge is re-armed by every read', async () => {
    const c = await auth([], { ...none, ...withId })('Ada')
    const { user } = await c.session()
    await db.setRole(user.id, 'editor')
    await db.suspend(user.id)
    expect((await c.session()).user.role).toBe('reader')
    expect(noneSession?.maxAge).toBe(900)
  })
})

describe('policy "throttled re-read" (v5, N = 60 s)', () => {
  it('the middleware runs the jwt callback on every request; the row is read once per N seconds', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const c = await auth([], { ...throttled, ...withId })('Ada')
    const { id } = (await c.session()).user
    const { gate, jwt } = middlewareWith({ ...throttled, ...withId })
    const reads = vi.spyOn(db, 'findUser')
    await db.setRole(id, 'editor')
    for (let i = 0; i < 10; i++) {
      const res = await gate(c.cookieHeader())
      expect(res.to).toBe('through')
      expect(res.setCookie).toMatch(new RegExp(`^${COOKIE}=\\w`, 'm')) // re-issued on every matched request
    }
    expect(jwt).toHaveBeenCalledTimes(10)
    expect(reads).not.toHaveBeenCalled()
    expect((await c.session()).user.role).toBe('reader')

    vi.setSystemTime(Date.now() + 61_000)
    expect((await c.session()).user.role).toBe('editor')
    expect(reads).toHaveBeenCalledTimes(1)
  })

  it('returns null for a suspended user: the middleware sees no session and the cookie is cleared', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const c = await auth([], { ...throttled, ...withId })('Ada')
    await db.suspend((await c.session()).user.id)
    const { gate } = middlewareWith({ ...throttled, ...withId })
    expect((await gate(c.cookieHeader())).to).toBe('through')
    vi.setSystemTime(Date.now() + 61_000)
    const refused = await gate(c.cookieHeader())
    expect(refused.to).toBe('/signin')
    expect(refused.setCookie).toMatch(new RegExp(`${COOKIE}=;`))
    expect(await c.session()).toBeNull()
    expect(c.jar.has(COOKIE)).toBe(false)
  })
})

describe('policy "per-user epoch" (v5)', () => {
  it('one read per matched request; sign out everywhere ends every copy of the session on its next request', async () => {
    const laptop = await auth([], { ...epoch, ...withId })('Ada')
    const { id } = (await laptop.session()).user
    const { gate, jwt } = middlewareWith({ ...epoch, ...withId })
    const reads = vi.spyOn(db, 'findUser')
    const phone = laptop.cookieHeader() // the same session on another device
    for (let i = 0; i < 3; i++) expect((await gate(phone)).to).toBe('through')
    expect(jwt).toHaveBeenCalledTimes(3)
    expect(reads).toHaveBeenCalledTimes(3)

    await db.signOutEverywhere(id)
    expect((await gate(phone)).to).toBe('/signin')
    expect(await laptop.session()).toBeNull()
  })

  it('a promotion keeps the token as it is; a demotion ends it', async () => {
    const c = await auth([], { ...epoch, ...withId })('Ada')
    const { id } = (await c.session()).user
    await db.setRole(id, 'editor')
    expect((await c.session()).user.role).toBe('reader')
    await db.setRole(id, 'reader')
    expect(await c.session()).toBeNull()
  })
})
