// Tabs of one browser (Chromium, one context: shared cookies, localStorage and BroadcastChannel, as two tabs of a
// user's browser share them), each running next-auth's real React client (tab-app.tsx) against the real handler
// at `base`. What one tab's update() tells the others is then the browser's and the library's doing, not ours.
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'
import { launch, localContext } from '@/e2e/support/browser'
import type {} from './tab-window'

export { hasBrowser } from '@/e2e/support/browser'

/** tab-app.tsx bundled for the browser, with `next-auth` meaning next-auth 4 or the 5 beta (`next-auth-v5`). */
async function bundle(version: 'v4' | 'v5') {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('./tab-app.tsx', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    jsx: 'automatic',
    alias: version === 'v5' ? { 'next-auth': 'next-auth-v5' } : {},
    // As Next.js compiles it for the browser: NODE_ENV inlined, no NEXTAUTH_URL (the client then uses /api/auth).
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: 'var process = { env: {} };' },
    logLevel: 'silent',
  })
  return out.outputFiles![0]!.text
}

const PAGE = '<!doctype html><html><body><div id="root"></div><script src="/tab.js"></script></body></html>'

/** What a tab sent to /api/auth, in order: `GET session`, `GET csrf`, `POST session`… */
export type Sent = string[]

export interface Tab {
  page: Page
  sent: Sent
  /** The session the tab's useSession() shows, once it has left "loading". */
  shown(): Promise<any>
}

/** A browser whose tabs load the app from `base` (the real handler's origin). Close it in afterAll. */
export async function browserFor(version: 'v4' | 'v5', base: string) {
  const [browser, script] = await Promise.all([launch(), bundle(version)])
  const contexts: BrowserContext[] = []

  /** A fresh browser profile: its tabs share storage with each other, not with another profile's. */
  async function profile() {
    const context = await localContext(browser, base)
    contexts.push(context)
    // The page and its script only: everything under /api/auth goes to the real handler.
    await context.route(`${base}/`, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }))
    await context.route(`${base}/tab.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: script }))
    return {
      context,
      /** Signs this profile in through the real credentials callback (the tabs share the cookie). */
      async signIn(provider: string, fields: Record<string, string>) {
        const { csrfToken } = await (await context.request.get(`${base}/api/auth/csrf`)).json()
        const reply = await context.request.post(`${base}/api/auth/callback/${provider}`, { form: { ...fields, csrfToken, json: 'true' }, maxRedirects: 0 })
        if (reply.status() >= 400) throw new Error(`sign-in failed: ${reply.status()}`)
      },
      /** Opens a tab; `before` runs before the app loads (a test can hold back a request there). */
      async open(before?: (page: Page) => Promise<void>): Promise<Tab> {
        const page = await context.newPage()
        const sent: Sent = []
        page.on('request', (r) => {
          const url = new URL(r.url())
          if (url.pathname.startsWith('/api/auth/')) sent.push(`${r.method()} ${url.pathname.slice('/api/auth/'.length)}`)
        })
        await before?.(page)
        await page.goto(`${base}/`)
        const shown = async () => {
          await page.locator('#session:not([data-status="loading"])').waitFor()
          return JSON.parse((await page.locator('#session').textContent()) ?? 'null')
        }
        return { page, sent, shown }
      },
    }
  }

  return {
    profile,
    close: async () => {
      await Promise.all(contexts.map((c) => c.close()))
      await (browser as Browser).close()
    },
  }
}

/** Calls the tab's useSession().update(data) (no argument at all when `data` is omitted) and returns its result. */
export function update(tab: Tab, ...data: [] | [unknown]) {
  return tab.page.evaluate((args) => window.tab.update(...(args as [])), data)
}

/** Waits until `sent` holds `line` at or after index `from` (the tabs' requests are asynchronous to the test). */
export async function until(sent: Sent, line: string, from = 0, ms = 5000) {
  const end = Date.now() + ms
  while (!sent.slice(from).includes(line)) {
    if (Date.now() > end) return false
    await new Promise((r) => setTimeout(r, 25))
  }
  return true
}

type Profile = Awaited<ReturnType<Awaited<ReturnType<typeof browserFor>>['profile']>>

/**
 * Two tabs of one signed-in profile, both showing their session; `act` runs in the first. Returns what the second
 * tab sent after it, and whether it refetched its session within `ms` (the broadcast's effect, or its absence).
 */
export async function otherTab<T>(profile: Profile, act: (first: Tab) => Promise<T>, ms = 3000) {
  const [first, second] = [await profile.open(), await profile.open()]
  await Promise.all([first.shown(), second.shown()])
  // Opening a tab reads the session and announces it (in v5 the opening tab hears itself too): let that pass.
  await quiet([first, second])
  // v4 stamps its localStorage message in whole seconds: the same message again within that second is no change to
  // localStorage, and the browser tells no tab. Acting in a new second keeps the opening's message from masking ours.
  await new Promise((r) => setTimeout(r, 1050 - (Date.now() % 1000)))
  const from = second.sent.length
  const result = await act(first)
  const refetched = await until(second.sent, 'GET session', from, ms)
  return { first, second, result, refetched, after: second.sent.slice(from) }
}

/** Waits until none of the tabs has sent anything for `ms`. */
export async function quiet(all: Tab[], ms = 600) {
  for (let count = -1; ; ) {
    const now = all.reduce((n, t) => n + t.sent.length, 0)
    if (now === count) return
    count = now
    await new Promise((r) => setTimeout(r, ms))
  }
}

/** Holds a tab's first session read on the network until release(): the tab stays "loading" meanwhile. */
export function holdSessionRead() {
  let release!: () => void
  const released = new Promise<void>((r) => (release = r))
  const install = async (page: Page) => void await page.route('**/api/auth/session', async (route) => (await released, route.continue()))
  return { install, release }
}

/** update({}) in one tab after `change` moved the row; the other tab's requests and, once answered, its session. */
export async function updateSeenByOtherTab(profile: Profile, change: () => void) {
  const { first, second, refetched, after } = await otherTab(profile, async (first) => {
    change()
    return update(first, {})
  })
  // The refetch was sent; its answer reaches useSession() a moment later.
  const shows = (step: string) => expect.poll(async () => (await second.shown()).step).toBe(step)
  return { first, refetched, after, shows }
}

/** A pass-through-style signIn(…, { redirect: false }) in one tab: what it sent, and what the other tab did. */
export async function signInSeenByOtherTab(profile: Profile) {
  const { result, refetched, after } = await otherTab(profile, async (first) => {
    const from = first.sent.length
    await first.page.evaluate(() => window.tab.signIn('sign-in', { name: 'Ada', redirect: false }))
    return first.sent.slice(from)
  })
  return { sent: result, refetched, after }
}

/** A signed-in tab whose first session read is held: update(data) while it is "loading", then the read let go. */
export async function updateWhileLoading(profile: Profile) {
  const held = holdSessionRead()
  const tab = await profile.open(held.install)
  await tab.page.waitForFunction(() => window.tab?.status === 'loading')
  const from = tab.sent.length
  const result = await update(tab, { step: 'COMPLETED' })
  const sent = tab.sent.slice(from)
  held.release()
  return { result, sent, then: await tab.shown() }
}
