export interface RequestRecord {
  method: string
  path: string
  status: number
  dbReads: number
}

export interface Cost {
  ms: number
  requests: RequestRecord[]
  dbReads: number
}

/**
 * Runs `work` and records every HTTP request it makes through fetch (next-auth/react uses fetch),
 * with the database reads each response reports in its X-Db-Reads header. Only the site's API (`/api/…`): Next's
 * router prefetches other pages' data (`/_next/data/…json`, the guide's code blocks among it) through the same
 * `window.fetch` whenever the browser is idle, and a prefetch that lands while the update runs is not its cost.
 */
export async function measure(work: () => Promise<void>): Promise<Cost> {
  const original = window.fetch
  const requests: RequestRecord[] = []
  window.fetch = async (input, init) => {
    const res = await original(input, init)
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href)
    if (url.origin !== window.location.origin || !url.pathname.startsWith('/api/')) return res
    requests.push({
      // As HTTP writes it: next-auth/react passes "post" in lower case, fetch sends POST.
      method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(),
      path: url.pathname,
      status: res.status,
      dbReads: Number(res.headers.get('x-db-reads') ?? 0),
    })
    return res
  }
  const start = performance.now()
  try {
    await work()
  } finally {
    window.fetch = original
  }
  const ms = Math.round(performance.now() - start)
  return { ms, requests, dbReads: requests.reduce((sum, r) => sum + r.dbReads, 0) }
}
