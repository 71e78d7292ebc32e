// Starts the real production server (scripts/serve.mjs start) on a free port with its own DATA_DIR.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')

export interface TestServer {
  url: string
  port: number
  dataDir: string
  /** Stops the process; the DATA_DIR stays unless `clean` is true. */
  stop(options?: { clean?: boolean }): Promise<void>
  log(): string
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer()
    srv.once('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => done(port))
    })
  })
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'sul-data-'))
}

export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  if (!existsSync(join(ROOT, '.next/BUILD_ID'))) throw new Error('No production build: run `npm run build` first.')
  const port = await freePort()
  const dataDir = options.dataDir ?? tempDataDir()
  const url = `http://localhost:${port}`
  // The server makes or reads its own secret in DATA_DIR unless the caller passes one.
  const { NEXTAUTH_SECRET: _inherited, ...inherited } = process.env
  // Every guest a test file creates comes from 127.0.0.1: the guest limits (20 per 10 minutes by default) are
  // lifted unless a test sets them, so the load test and the bench measure the app, not the limiter.
  const limits = { GUEST_SIGNIN_LIMIT: '1000000/1m', GUEST_ROWS_MAX: '1000000' }
  const env: NodeJS.ProcessEnv = { ...inherited, PORT: String(port), DATA_DIR: dataDir, NEXTAUTH_URL: url, NODE_ENV: 'production', ...limits, ...options.env }
  const child: ChildProcess = spawn(process.execPath, ['scripts/serve.mjs', 'start'], { cwd: ROOT, env, stdio: 'pipe' })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  await waitForReady(url, child, () => output)
  return {
    url,
    port,
    dataDir,
    log: () => output,
    async stop({ clean = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        await exited
      }
      if (clean) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function waitForReady(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`)
    try {
      const res = await fetch(`${url}/api/auth/csrf`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server did not start within 60 s:\n${output()}`)
}
