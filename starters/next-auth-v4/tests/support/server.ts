// The production server on a free port with its own DATA_DIR, as `npm start` runs it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'v4-starter-'))

export async function startServer(dataDir: string) {
  const port = await freePort()
  const base = `http://localhost:${port}`
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEV_SIGN_IN: '1', NODE_ENV: 'production' } as NodeJS.ProcessEnv
  delete env.NEXTAUTH_SECRET // the generated, persisted secret is part of what is tested
  delete env.NEXTAUTH_URL
  const child: ChildProcess = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const deadline = Date.now() + 60_000
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
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  })
}
