// Starts the real production server (scripts/serve.mjs start) on a free port with its own DATA_DIR.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { INPUTS } from '../../scripts/build-stamp.mjs'

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

// What `next build` reads (scripts/build-stamp.mjs, which npm start hashes): an edit to any of these after the build
// means the build is not the code under test. Not the starters: the starters suite installs and builds them while
// the other suites run, and the site holds only their zips, which the build makes.
const BUILD_INPUTS: string[] = INPUTS.filter((input: string) => input !== 'starters')

function newestInput(): { file: string; mtimeMs: number } {
  let newest = { file: '', mtimeMs: 0 }
  const visit = (path: string) => {
    if (!existsSync(path)) return
    const stat = statSync(path)
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (!entry.startsWith('.') && entry !== 'node_modules') visit(join(path, entry))
    } else if (stat.mtimeMs > newest.mtimeMs) newest = { file: path, mtimeMs: stat.mtimeMs }
  }
  for (const input of BUILD_INPUTS) visit(join(ROOT, input))
  return newest
}

/**
 * Refuses to test a build that is not the build of the sources on disk (missing, or older than the newest source
 * file): `npm run test:e2e` after an edit would otherwise test the old code and pass. Not rebuilt here: several
 * test files start servers in parallel from one build.
 */
export function assertCurrentBuild() {
  const buildId = join(ROOT, '.next/BUILD_ID')
  if (!existsSync(buildId)) throw new Error('No production build: run `npm run build` first.')
  const newest = newestInput()
  if (newest.mtimeMs > statSync(buildId).mtimeMs) {
    throw new Error(`The production build is older than ${newest.file.slice(ROOT.length + 1)}: run \`npm run build\` first (tests must not test an old build).`)
  }
}

/**
 * `npm start` on this checkout's build, or (`root`) on another checkout's, which must hold its own build: the bench's
 * before-and-after comparison (bench/lib/compare-site.ts) serves the commit before a change this way.
 */
export async function startServer(options: { dataDir?: string; env?: Record<string, string>; root?: string } = {}): Promise<TestServer> {
  const root = options.root ?? ROOT
  if (root === ROOT) assertCurrentBuild()
  else if (!existsSync(join(root, '.next/BUILD_ID'))) throw new Error(`${root} has no production build: run \`npm run build\` there first`)
  const port = await freePort()
  const dataDir = options.dataDir ?? tempDataDir()
  const url = `http://localhost:${port}`
  // The server makes or reads its own secret in DATA_DIR unless the caller passes one.
  const { NEXTAUTH_SECRET: _inherited, ...inherited } = process.env
  // Every guest a test file creates comes from 127.0.0.1: the guest limits (20 per 10 minutes by default) are
  // lifted unless a test sets them, so the load test and the bench measure the app, not the limiter.
  const limits = { GUEST_SIGNIN_LIMIT: '1000000/1m', GUEST_ROWS_MAX: '1000000' }
  const env: NodeJS.ProcessEnv = { ...inherited, PORT: String(port), DATA_DIR: dataDir, NEXTAUTH_URL: url, NODE_ENV: 'production', ...limits, ...options.env }
  const child: ChildProcess = spawn(process.execPath, ['scripts/serve.mjs', 'start'], { cwd: root, env, stdio: 'pipe' })
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

/**
 * `npm start` as a reader deploys it: every setting in `.env.local` (`envLocal`), nothing about auth or data in the
 * environment. The project directory is a temp folder linking to this checkout's build, so the `.env.local` is
 * read by no other test's server (they share the checkout); serve.mjs and `next start` run in it as in a checkout.
 */
export async function startDeployed(envLocal: Record<string, string>): Promise<TestServer & { dir: string }> {
  assertCurrentBuild()
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'sul-deploy-'))
  for (const entry of ['.next', 'node_modules', 'pages', 'public', 'next.config.mjs', 'package.json']) symlinkSync(join(ROOT, entry), join(dir, entry))
  writeFileSync(join(dir, '.env.local'), Object.entries(envLocal).map(([k, v]) => `${k}=${v}`).join('\n') + '\n')
  // A clean environment: only what any shell has, the port, and the test's guest limits lifted.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', PORT: String(port), GUEST_SIGNIN_LIMIT: '1000000/1m', GUEST_ROWS_MAX: '1000000' }
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), 'start'], { cwd: dir, env, stdio: 'pipe' })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const url = `http://localhost:${port}`
  await waitForReady(url, child, () => output)
  return {
    url,
    port,
    dir,
    dataDir: envLocal.DATA_DIR ?? join(dir, '.data'),
    log: () => output,
    async stop({ clean = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
      if (clean && envLocal.DATA_DIR) rmSync(envLocal.DATA_DIR, { recursive: true, force: true })
    },
  }
}

/** Ready when `readyPath` answers 2xx: the site's CSRF route by default (it needs the auth config loaded). */
export async function waitForReady(url: string, child: ChildProcess, output: () => string, readyPath = '/api/auth/csrf') {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`)
    try {
      const res = await fetch(`${url}${readyPath}`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server did not start within 60 s:\n${output()}`)
}
