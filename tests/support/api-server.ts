// The demo's API routes and next-auth's real handler, served in this process through Next's own API resolver
// (body parsing, size limits, res.status/json): the HTTP contract without a production build, in milliseconds.
// Each test file gets its own DATA_DIR and secret; set them up before the demo's modules first open the database.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { apiResolver } from 'next/dist/server/api-utils/node/api-resolver'

export const TEST_SECRET = 'in-process-test-secret-0123456789abcdef'

export interface ApiServer {
  url: string
  dataDir: string
  close(): Promise<void>
}

type RouteModule = { default: (...args: never[]) => unknown; config?: unknown }

/** Starts the server; `env` is applied before the routes are imported (the limits are read per request). */
export async function startApiServer(env: Record<string, string> = {}): Promise<ApiServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sul-unit-'))
  Object.assign(process.env, { NEXTAUTH_SECRET: TEST_SECRET, DATA_DIR: dataDir, ...env })
  const routes: Record<string, RouteModule> = {
    auth: await import('@/pages/api/auth/[...nextauth]'),
    complete: await import('@/pages/api/demo/onboarding/complete'),
    reset: await import('@/pages/api/demo/onboarding/reset'),
    token: await import('@/pages/api/demo/token'),
    change: await import('@/pages/api/demo/admin/change'),
    signOutEverywhere: await import('@/pages/api/demo/sign-out-everywhere'),
    policy: await import('@/pages/api/demo/stale/policy'),
    status: await import('@/pages/api/demo/stale/status'),
  }
  const paths: Record<string, RouteModule> = {
    '/api/demo/onboarding/complete': routes.complete,
    '/api/demo/onboarding/reset': routes.reset,
    '/api/demo/token': routes.token,
    '/api/demo/admin/change': routes.change,
    '/api/demo/sign-out-everywhere': routes.signOutEverywhere,
    '/api/demo/stale/policy': routes.policy,
    '/api/demo/stale/status': routes.status,
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const query: Record<string, string | string[]> = Object.fromEntries(url.searchParams)
    let module: RouteModule | undefined
    if (url.pathname.startsWith('/api/auth/')) {
      module = routes.auth
      query.nextauth = url.pathname.slice('/api/auth/'.length).split('/')
    } else module = paths[url.pathname]
    void apiResolver(req, res, query, module, {} as never, false, false, url.pathname)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  const base = `http://127.0.0.1:${port}`
  process.env.NEXTAUTH_URL = base
  return {
    url: base,
    dataDir,
    async close() {
      await new Promise((done) => server.close(done))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
