// What next-auth 4's React client does around update(): which requests useSession().update sends, when it sends
// none, and what the other tabs hear. Real next-auth/react in Chromium tabs (tests/claims/support/tabs.ts), talking
// to next-auth 4's real handler over HTTP.
import type { CallbacksOptions } from 'next-auth'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'
import { browserFor, hasBrowser, otherTab, quiet, signInSeenByOtherTab, update, updateSeenByOtherTab, updateWhileLoading } from '../support/tabs'

// The row as the jwt callback reads it on every call: a test changes it, a tab's session shows it once refetched.
let step = 'INITIAL'
const jwt = vi.fn<CallbacksOptions['jwt']>(async ({ token }) => ({ ...token, step }))
const session: CallbacksOptions['session'] = async ({ session, token }) => ({ ...session, step: token.step }) as never
let tabs: Awaited<ReturnType<typeof browserFor>>

beforeAll(async () => {
  const { url } = await serve([], { jwt, session })
  tabs = await browserFor('v4', url)
}, 60_000)
afterAll(() => tabs?.close())

async function signedIn() {
  const profile = await tabs.profile()
  await profile.signIn('sign-in', { name: 'Ada' })
  return profile
}

claim('update-broadcasts-to-tabs', ['v4'], () => {
  it.runIf(hasBrowser)('after update() answers, every other tab refetches its session (localStorage "nextauth.message")', async () => {
    step = 'INITIAL'
    const { first, refetched, after, shows } = await updateSeenByOtherTab(await signedIn(), () => (step = 'COMPLETED'))
    expect(refetched).toBe(true)
    expect(after).toEqual(['GET session'])
    await shows('COMPLETED')
    // v4's channel: the message written to localStorage, which the browser announces to the other tabs.
    const message = await first.page.evaluate(() => JSON.parse(localStorage.getItem('nextauth.message') ?? '{}'))
    expect(message).toMatchObject({ event: 'session', data: { trigger: 'getSession' } })
  }, 30_000)
})

claim('v4-get-session-broadcasts', ['v4'], () => {
  it.runIf(hasBrowser)('getSession() is one GET /api/auth/session, and the other tabs refetch after it', async () => {
    const profile = await signedIn()
    const { result, refetched } = await otherTab(profile, async (first) => {
      const from = first.sent.length
      await first.page.evaluate(() => window.tab.getSession())
      return first.sent.slice(from)
    })
    expect(result).toEqual(['GET session'])
    expect(refetched).toBe(true)
  }, 30_000)
})

claim('pass-through-no-broadcast', ['v4'], () => {
  it.runIf(hasBrowser)('signIn(…, { redirect: false }) refetches the calling tab only: the other tab sends nothing', async () => {
    const { sent, refetched, after } = await signInSeenByOtherTab(await signedIn())
    expect(sent).toContain('POST callback/sign-in')
    expect(sent.at(-1)).toBe('GET session')
    expect(refetched).toBe(false)
    expect(after).toEqual([])
  }, 30_000)
})

claim('v4-update-no-argument-posts', ['v4'], () => {
  it.runIf(hasBrowser)('update() with no argument sends the CSRF GET and a POST, and the jwt callback runs with trigger "update"', async () => {
    const tab = await (await signedIn()).open()
    await tab.shown()
    await quiet([tab])
    const from = tab.sent.length
    jwt.mockClear()
    await update(tab)
    expect(tab.sent.slice(from)).toEqual(['GET csrf', 'POST session'])
    expect(jwt.mock.calls.map(([args]) => args.trigger)).toEqual(['update'])
  }, 30_000)
})

claim('v4-update-waits-for-session', ['v4'], () => {
  it.runIf(hasBrowser)('with no session, update(data) resolves undefined and sends nothing', async () => {
    const tab = await (await tabs.profile()).open()
    expect(await tab.shown()).toBeNull()
    const from = tab.sent.length
    expect(await update(tab, { step: 'COMPLETED' })).toBeUndefined()
    expect(tab.sent.slice(from)).toEqual([])
  }, 30_000)

  it.runIf(hasBrowser)('while the session is loading, update(data) resolves undefined and sends nothing', async () => {
    const { result, sent, then } = await updateWhileLoading(await signedIn())
    expect(result).toBeUndefined()
    expect(sent).toEqual([])
    expect(then).toMatchObject({ user: { name: 'Ada' } })
  }, 30_000)
})
