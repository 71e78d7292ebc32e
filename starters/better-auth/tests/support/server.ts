// Builds the app when its sources are newer than the last build, then runs `npm start` (the README's production
// command) on a free port with a temporary DATA_DIR and the settings a deployment gives it, on PGlite or on a
// fresh PostgreSQL database made for the run and dropped after.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import postgres from 'postgres'

export const root = path.resolve(import.meta.dirname, '../..')
// Tests contact nothing but loopback: no Next.js telemetry from the builds and servers they run.
const QUIET = { NEXT_TELEMETRY_DISABLED: '1' }

function newest(file: string): number {
  const stat = statSync(file)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newest(path.join(file, name))))
}

export function buildIfNeeded(): void {
  const stamp = path.join(root, '.next', 'BUILD_ID')
  const sources = Math.max(...['src', 'public', 'next.config.ts', 'package-lock.json', 'tsconfig.json'].map((f) => newest(path.join(root, f))))
  if (existsSync(stamp) && statSync(stamp).mtimeMs > sources) return
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', ...QUIET } })
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

/** A database of its own on the TEST_DATABASE_URL server, dropped by drop(). */
export async function freshPostgres(serverUrl: string) {
  const name = `better_auth_starter_${Date.now()}_${randomBytes(3).toString('hex')}`
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

/** Runs `npm start` with exactly these settings (nothing inherited that the app reads) and returns its output. */
export function runStart(settings: Record<string, string>, timeoutMs = 20_000) {
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, ...QUIET, ...settings }
  return new Promise<{ code: number | null; output: string; ms: number }>((resolve) => {
    const started = Date.now()
    const proc = spawn('npm', ['start'], { cwd: root, env: env as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    proc.stdout.on('data', (d) => (output += d))
    proc.stderr.on('data', (d) => (output += d))
    const timer = setTimeout(() => process.kill(-proc.pid!, 'SIGKILL'), timeoutMs)
    proc.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output, ms: Date.now() - started })
    })
  })
}

export interface AppServer {
  base: string
  dataDir: string
  log(): string
  stop(): Promise<void>
}

export async function startApp(settings: Record<string, string> = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'better-auth-starter-'))
  const port = Number(settings.PORT) || (await freePort())
  const base = `http://localhost:${port}`
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...QUIET,
    PORT: String(port),
    DATA_DIR: dataDir,
    BETTER_AUTH_SECRET: randomBytes(32).toString('base64'),
    BETTER_AUTH_URL: base,
    ...settings,
  }
  let output = ''
  // detached: its own process group, so stop() ends npm, the wrapper and Next, and nothing else.
  const child: ChildProcess = spawn('npm', ['start'], { cwd: root, env: env as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`)
    try {
      if ((await fetch(`${base}/signin`)).ok) break
    } catch {}
    if (Date.now() > deadline) throw new Error(`The server did not answer on ${base} within 90 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    base,
    dataDir,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r))
        process.kill(-child.pid!, 'SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
        if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL')
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
