// components/OnboardingFlow/measure.ts: what the demo reports as an update's cost is the update's own requests.
// A request Next's router makes meanwhile (a prefetch of another page's data) is not counted: a CI run caught the
// report counting two `/_next/data/…json` prefetches as part of an update() once chapters had page data.
import { afterEach, describe, expect, it } from 'vitest'
import { measure } from '@/components/OnboardingFlow/measure'

const ORIGIN = 'https://lab.example'
afterEach(() => {
  delete (globalThis as { window?: unknown }).window
})

function browser() {
  const fetched: string[] = []
  const fetch = async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), `${ORIGIN}/demo/onboarding`)
    fetched.push(url.href)
    return new Response('{}', { status: url.pathname === '/api/auth/session' ? 200 : 202, headers: { 'x-db-reads': url.pathname.startsWith('/api/auth/') ? '1' : '0' } })
  }
  ;(globalThis as { window?: unknown }).window = { fetch, location: { href: `${ORIGIN}/demo/onboarding`, origin: ORIGIN } }
  return { fetched, window: (globalThis as unknown as { window: { fetch: typeof fetch } }).window }
}

describe('measure (the demo’s update report)', () => {
  it('records the update’s API requests, in order, with their database reads; not a prefetch meanwhile', async () => {
    const { fetched, window } = browser()
    const original = window.fetch
    const cost = await measure(async () => {
      await window.fetch('/api/auth/csrf')
      await window.fetch('/_next/data/build-1/guide/hardening.json')
      await window.fetch(new Request(`${ORIGIN}/api/auth/session`, { method: 'POST' }))
      await window.fetch('https://elsewhere.example/api/auth/session')
    })
    expect(fetched).toHaveLength(4)
    expect(cost.requests).toEqual([
      { method: 'GET', path: '/api/auth/csrf', status: 202, dbReads: 1 },
      { method: 'POST', path: '/api/auth/session', status: 200, dbReads: 1 },
    ])
    expect(cost.dbReads).toBe(2)
    expect(cost.ms).toBeGreaterThanOrEqual(0)
    // The page's own fetch is back once the update is measured.
    expect(window.fetch).toBe(original)
  })
})
