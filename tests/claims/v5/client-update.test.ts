// What next-auth 5's React client does around update(): which requests useSession().update sends (with data and
// without), when it sends none, and what the other tabs hear. Real next-auth/react (5 beta) in Chromium tabs
// (tests/claims/support/tabs.ts), talking to Auth.js's real Auth() over HTTP.
import type { NextAuthConfig } from 'next-auth'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { authFetch } from '@/content/v5/testing/auth-fetch'
import { signInProvider } from '../../snippets/v5/setup'
import { claim } from '../support/claim'
import { serveFetch } from '../support/serve-fetch'
import { browserFor, hasBrowser, otherTab, quiet, signInSeenByOtherTab, update, updateSeenByOtherTab, updateWhileLoading } from '../support/tabs'

type Callbacks = NonNullable<NextAuthConfig['callbacks']>

// The row as the jwt callback reads it on every call: a test changes it, a tab's session shows it once refetched.
let step = 'INITIAL'
const jwt = vi.fn<NonNullable<Callbacks['jwt']>>(async ({ token }) => ({ ...token, step }))
const session: Callbacks['session'] = async ({ session, token }) => ({ ...session, step: token.step }) as never
let tabs: Awaited<ReturnType<typeof browserFor>>
let server: Awaited<ReturnType<typeof serveFetch>>

beforeAll(async () => {
  server = await serveFetch(authFetch({ secret: process.env.AUTH_SECRET, providers: [signInProvider], callbacks: { jwt, session } }) as never)
  tabs = await browserFor('v5', server.url)
}, 60_000)
afterAll(async () => {
  await tabs?.close()
  await server?.close()
})

async function signedIn() {
  const profile = await tabs.profile()
  await profile.signIn('sign-in', { name: 'Ada' })
  return profile
}

claim('update-broadcasts-to-tabs', ['v5'], () => {
  it.runIf(hasBrowser)('after update(data) answers, every other tab refetches its session (BroadcastChannel "next-auth")', async () => {
    step = 'INITIAL'
    const { refetched, after, shows } = await updateSeenByOtherTab(await signedIn(), () => (step = 'COMPLETED'))
    expect(refetched).toBe(true)
    expect(after).toEqual(['GET session'])
    await shows('COMPLETED')
  }, 30_000)
})

claim('pass-through-no-broadcast', ['v5'], () => {
  it.runIf(hasBrowser)('signIn(…, { redirect: false }) refetches the calling tab only: the other tab sends nothing', async () => {
    const { sent, refetched, after } = await signInSeenByOtherTab(await signedIn())
    expect(sent).toContain('POST callback/sign-in')
    expect(sent.at(-1)).toBe('GET session')
    expect(refetched).toBe(false)
    expect(after).toEqual([])
  }, 30_000)
})

claim('v5-update-no-argument-get', ['v5'], () => {
  it.runIf(hasBrowser)('update() with no argument is one GET, and the jwt callback runs with trigger undefined; update({}) posts', async () => {
    const tab = await (await signedIn()).open()
    await tab.shown()
    await quiet([tab])
    let from = tab.sent.length
    jwt.mockClear()
    await update(tab)
    expect(tab.sent.slice(from)).toEqual(['GET session'])
    expect(jwt.mock.calls.map(([args]) => args.trigger)).toEqual([undefined])

    from = tab.sent.length
    jwt.mockClear()
    await update(tab, {})
    expect(tab.sent.slice(from)).toEqual(['GET csrf', 'POST session'])
    expect(jwt.mock.calls.map(([args]) => args.trigger)).toEqual(['update'])
  }, 30_000)
})

claim('v5-update-returns-early-only-while-loading', ['v5'], () => {
  it.runIf(hasBrowser)('while the session is loading, update(data) resolves undefined and sends nothing', async () => {
    const { result, sent, then } = await updateWhileLoading(await signedIn())
    expect(result).toBeUndefined()
    expect(sent).toEqual([])
    expect(then).toMatchObject({ user: { name: 'Ada' } })
  }, 30_000)

  it.runIf(hasBrowser)('with no session (and not loading), update(data) still sends its CSRF GET and POST', async () => {
    const tab = await (await tabs.profile()).open()
    expect(await tab.shown()).toBeNull()
    const from = tab.sent.length
    await update(tab, { step: 'COMPLETED' })
    expect(tab.sent.slice(from)).toEqual(['GET csrf', 'POST session'])
  }, 30_000)
})
