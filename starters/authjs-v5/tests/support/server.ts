// Builds the app if its sources are newer than the last build, then runs `npm start` (the README's
// production command) on a free port with a temporary DATA_DIR, a secret and the public URL, as a reader would.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '../..')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs)
  }
  return newest
}

export function buildIfNeeded(): void {
  const stamp = path.join(root, '.next', 'BUILD_ID')
  const sources = Math.max(
    newestSource(path.join(root, 'src')),
    newestSource(path.join(root, 'public')),
    newestSource(path.join(root, 'drizzle')),
    ...['next.config.ts', 'package-lock.json', 'tsconfig.json'].map((f) => statSync(path.join(root, f)).mtimeMs),
  )
  if (existsSync(stamp) && statSync(stamp).mtimeMs > sources) return
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface AppServer {
  base: string
  dataDir: string
  stop(): Promise<void>
  /** Stop and start again with the same DATA_DIR and secret: what survives a restart. */
  restart(): Promise<void>
}

/** The environment of a production run: nothing from the caller's shell that the app reads, then `settings`. */
export function appEnv(settings: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' }
  for (const key of ['AUTH_SECRET', 'AUTH_URL', 'AUTH_TRUST_HOST', 'VERCEL', 'AUTH_GITHUB_ID', 'AUTH_GITHUB_SECRET', 'DATABASE_URL', 'DATA_DIR', 'DEV_SIGN_IN']) delete env[key]
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) env[key] = value
  return env
}

export const TEST_SECRET = 'authjs-v5-starter-e2e-secret-0123456789abcdef'

export async function startApp({ databaseUrl, settings = {} }: { databaseUrl?: string; settings?: Record<string, string | undefined> } = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'authjs-v5-starter-'))
  const port = await freePort()
  const base = `http://localhost:${port}`
  // A local production run: dev sign-in on (tests only), the secret and the public URL set as production requires.
  const env = appEnv({ PORT: String(port), DATA_DIR: dataDir, DEV_SIGN_IN: '1', AUTH_SECRET: TEST_SECRET, AUTH_URL: base, DATABASE_URL: databaseUrl, ...settings })
  let child: ChildProcess | undefined
  let output = ''

  async function start() {
    output = ''
    // detached: its own process group, so stop() ends npm and the next server it started, and nothing else.
    const proc = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    child = proc
    proc.stdout.on('data', (d) => (output += d))
    proc.stderr.on('data', (d) => (output += d))
    const deadline = Date.now() + 180_000
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`npm start exited (${proc.exitCode}):\n${output}`)
      try {
        const res = await fetch(`${base}/signin`)
        if (res.ok) return
      } catch {}
      await new Promise((r) => setTimeout(r, 250))
    }
    throw new Error(`The server did not answer on ${base} within 180 s:\n${output}`)
  }

  async function stop() {
    if (!child || child.exitCode !== null) return
    const exited = new Promise((r) => child!.once('exit', r))
    process.kill(-child.pid!, 'SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL')
  }

  await start()
  return {
    base,
    dataDir,
    stop,
    async restart() {
      await stop()
      await start()
    },
  }
}

export function serverLogHint(): string {
  return `(build and run from ${root})`
}
