// The production server on a free port with its own DATA_DIR, as `npm start` runs it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { chromium, type Browser } from 'playwright-core'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** The secret the e2e servers run with: the tests decode the cookies they set with it. */
export const TEST_SECRET = 'v4-starter-e2e-secret-0123456789abcdef'

/** `npm start` as production runs it: the secret and the public URL set, on its own port and database. */
export async function startServer(where: { dataDir: string; databaseUrl?: string }, extra: Record<string, string | undefined> = {}) {
  const port = await freePort()
  const base = `http://localhost:${port}`
  // Only what the test says: nothing inherited decides the cookie names or the database.
  const inherited = { ...process.env }
  for (const key of ['AUTH_TRUST_HOST', 'VERCEL', 'DATABASE_URL']) delete inherited[key]
  const env = {
    ...inherited,
    PORT: String(port),
    DATA_DIR: where.dataDir,
    DEV_SIGN_IN: '1',
    NODE_ENV: 'production',
    NEXTAUTH_SECRET: TEST_SECRET,
    NEXTAUTH_URL: base,
    ...(where.databaseUrl ? { DATABASE_URL: where.databaseUrl } : {}),
    ...extra,
  } as NodeJS.ProcessEnv
  for (const [key, value] of Object.entries(extra)) if (value === undefined) delete env[key]
  const child: ChildProcess = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const deadline = Date.now() + 120_000 // a loaded 2-core machine can take a minute to start it
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`)
    try {
      if ((await fetch(`${base}/api/auth/csrf`)).ok) break
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    base,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      process.kill(-child.pid!, 'SIGTERM') // the whole group: npm, serve.mjs and next
      await exited
    },
  }
}

export const CHROME = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p))

export function launch(): Promise<Browser> {
  if (!CHROME) throw new Error('No Chromium: set CHROME_PATH (or install chromium).')
  return chromium.launch({
    executablePath: CHROME,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}
