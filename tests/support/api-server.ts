// The demo's API routes and next-auth's real handler, served in this process through Next's own API resolver
// (body parsing, size limits, res.status/json): the HTTP contract without a production build, in milliseconds.
// Each test file gets its own DATA_DIR and secret; set them up before the demo's modules first open the database.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import Database from 'better-sqlite3'
import { apiResolver } from 'next/dist/server/api-utils/node/api-resolver'

export const TEST_SECRET = 'in-process-test-secret-0123456789abcdef'

export interface ApiServer {
  url: string
  dataDir: string
  close(): Promise<void>
}

type RouteModule = { default: (...args: never[]) => unknown; config?: unknown }

const PAGES = join(__dirname, '../../pages')

/** `/api/demo/...` for every route file under pages/api/demo (Next's pages router: the file path is the URL). */
export function demoRoutePaths(): string[] {
  const dir = join(PAGES, 'api/demo')
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => `/${relative(PAGES, join(dir, file)).replace(/\\/g, '/').replace(/\.tsx?$/, '')}`)
    .sort()
}

/** Runs `run` on the server's SQLite file (read and write), closing it after: a test's view of the rows. */
export function withDb<T>(server: Pick<ApiServer, 'dataDir'>, run: (db: Database.Database) => T): T {
  const db = new Database(join(server.dataDir, 'demo.sqlite'))
  try {
    return run(db)
  } finally {
    db.close()
  }
}

/** Starts the server; `env` is applied before the routes are imported (the limits are read per request). */
export async function startApiServer(env: Record<string, string> = {}): Promise<ApiServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sul-unit-'))
  Object.assign(process.env, { NEXTAUTH_SECRET: TEST_SECRET, DATA_DIR: dataDir, ...env })
  // Every route file under pages/api/demo, found on disk: a new route is served (and walked by the tests that check
  // every route: revocation.test.ts, same-origin.test.ts) without anyone adding it here.
  const auth: RouteModule = await import('@/pages/api/auth/[...nextauth]')
  const paths: Record<string, RouteModule> = {}
  for (const path of demoRoutePaths()) paths[path] = await import(join(PAGES, `${path}.ts`))
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const query: Record<string, string | string[]> = Object.fromEntries(url.searchParams)
    let module: RouteModule | undefined
    if (url.pathname.startsWith('/api/auth/')) {
      module = auth
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
