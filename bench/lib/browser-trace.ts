// The browser phase: Chromium runs each strategy through the real next-auth/react client on /bench
// (components/BenchHarness), and every request the update makes is logged with its bytes and X-Db-Reads.
import type { Page, Request } from 'playwright-core'
import { launch, localContext } from '../../e2e/support/browser'
import { STRATEGY_IDS, type StrategyId } from './strategies'

export interface TracedRequest {
  method: string
  path: string
  status: number
  sent: number
  received: number
  dbReads: number
}

export interface BrowserTrace {
  requests: TracedRequest[]
  sent: number
  received: number
  dbReads: number
}

async function traced(request: Request): Promise<TracedRequest> {
  const response = await request.response()
  const sizes = await request.sizes()
  return {
    method: request.method(),
    path: new URL(request.url()).pathname,
    status: response?.status() ?? 0,
    sent: sizes.requestHeadersSize + sizes.requestBodySize,
    received: sizes.responseHeadersSize + sizes.responseBodySize,
    dbReads: Number((await response?.headerValue('x-db-reads')) ?? 0),
  }
}

async function traceOneUpdate(page: Page, strategy: StrategyId): Promise<BrowserTrace> {
  const result = await page.evaluate(() => window.sessionUpdateBench!.mutate())
  const requests: Request[] = []
  const onRequest = (r: Request) => requests.push(r)
  page.on('request', onRequest)
  try {
    await page.evaluate(([s, m]) => window.sessionUpdateBench!.update(s, m), [strategy, result] as const)
  } finally {
    page.off('request', onRequest)
  }
  const list = await Promise.all(requests.map(traced))
  const sum = (key: 'sent' | 'received' | 'dbReads') => list.reduce((n, r) => n + r[key], 0)
  return { requests: list, sent: sum('sent'), received: sum('received'), dbReads: sum('dbReads') }
}

/** Per strategy: a warm-up update, then `runs` traced ones (they should agree; the bench keeps the median bytes). */
export async function traceStrategies(base: string, runs = 3): Promise<{ browser: string; traces: Record<StrategyId, BrowserTrace[]> }> {
  const browser = await launch()
  try {
    const traces = {} as Record<StrategyId, BrowserTrace[]>
    for (const strategy of STRATEGY_IDS) {
      const context = await localContext(browser, base)
      const page = await context.newPage()
      await page.goto('/bench')
      await page.getByTestId('bench-status').filter({ hasText: 'unauthenticated' }).waitFor()
      await page.evaluate(() => window.sessionUpdateBench!.signInGuest('Bench'))
      await traceOneUpdate(page, strategy)
      traces[strategy] = []
      for (let i = 0; i < runs; i++) traces[strategy].push(await traceOneUpdate(page, strategy))
      await context.close()
    }
    return { browser: `Chromium ${browser.version()}`, traces }
  } finally {
    await browser.close()
  }
}
