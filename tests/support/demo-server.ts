// The demo's own API routes (pages/api/**), served in process through Next.js's real API resolver (body
// parser, size limits, res.status/json) and next-auth's real handler: the demo's HTTP contract without a build.
// For the production server, see server.ts.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { apiResolver } from 'next/dist/server/api-utils/node/api-resolver'

type Route = { default: unknown; config?: unknown }
const ROUTES: Record<string, () => Promise<Route>> = {
  '/api/auth': () => import('@/pages/api/auth/[...nextauth]'),
  '/api/demo/token': () => import('@/pages/api/demo/token'),
  '/api/demo/onboarding/complete': () => import('@/pages/api/demo/onboarding/complete'),
  '/api/demo/onboarding/reset': () => import('@/pages/api/demo/onboarding/reset'),
}

export interface DemoServer {
  url: string
  close(): Promise<void>
}

/** Serves the demo's API on a free loopback port; sets NEXTAUTH_URL to it (next-auth builds its URLs from it). */
export async function serveDemoApi(): Promise<DemoServer> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const auth = url.pathname.startsWith('/api/auth/')
    const load = ROUTES[auth ? '/api/auth' : url.pathname]
    const query: Record<string, string | string[]> = Object.fromEntries(url.searchParams)
    if (auth) query.nextauth = url.pathname.slice('/api/auth/'.length).split('/').filter(Boolean)
    const module = load ? await load() : undefined
    const context = { previewModeId: '', previewModeEncryptionKey: '', previewModeSigningKey: '' }
    await apiResolver(req, res, query, module, context as never, false, false, url.pathname)
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const url = `http://localhost:${(server.address() as AddressInfo).port}`
  process.env.NEXTAUTH_URL = url
  return { url, close: () => new Promise<void>((done) => server.close(() => done())) }
}
