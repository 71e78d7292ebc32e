// A starter as a reader gets it (the zip the site serves, unpacked, installed offline with its own lockfile, built)
// and run as the contract says (starters/CONTRACT.md): settings in `.env.local`, `npm start`. Shared by the contract
// suite and the production suite, which reuse one install and one build per starter and zip per run.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { DOWNLOADS_DIR, buildZip } from '../../../scripts/starters/zip.mjs'
import { freePort } from '../../support/server'

export function sh(cwd: string, command: string, args: string[], env: Record<string, string> = {}) {
  const started = Date.now()
  const result = spawnSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}) in ${cwd}:\n${result.stdout?.slice(-6000)}\n${result.stderr?.slice(-6000)}`)
  }
  return (Date.now() - started) / 1000
}

export function unzipInto(zipPath: string, dir: string): string {
  const files = unzipSync(readFileSync(zipPath))
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('/')) continue
    const path = join(dir, name)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, data)
    if (name.endsWith('.sh') || name.includes('/bin/')) chmodSync(path, 0o755)
  }
  return join(dir, Object.keys(files)[0].split('/')[0])
}

/**
 * The starter `name` unzipped, installed (`npm ci --offline`) and built, once per zip content: the folder is keyed
 * by the zip's hash, so the contract and production suites share it, and an edited starter gets a fresh one.
 * `install` and `build` are the seconds spent here (0 when reused).
 */
export function preparedStarter(name: string): { dir: string; install: number; build: number } {
  const zip = join(DOWNLOADS_DIR, `${name}.zip`)
  if (!existsSync(zip)) buildZip(name) // the site build makes it; a lone `vitest --project starters` too
  const hash = createHash('sha256').update(readFileSync(zip)).digest('hex').slice(0, 16)
  const root = join(tmpdir(), 'sul-starters', `${name}-${hash}`)
  const dir = join(root, name)
  const marker = join(root, '.prepared')
  if (existsSync(marker)) return { dir, install: 0, build: 0 }
  // An earlier zip's install is stale now (and holds a whole node_modules): keep only this one.
  const parent = dirname(root)
  if (existsSync(parent)) for (const old of readdirSync(parent)) if (old.startsWith(`${name}-`)) rmSync(join(parent, old), { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  if (unzipInto(zip, root) !== dir) throw new Error(`${name}.zip: its top folder is not ${name}/`)
  const install = sh(dir, 'npm', ['ci', '--offline', '--no-audit', '--no-fund'])
  const build = sh(dir, 'npm', ['run', 'build'])
  writeFileSync(marker, new Date().toISOString())
  return { dir, install, build }
}

/** A starter's settings' names, from the table in starters/CONTRACT.md ("Settings and production"). */
export interface StarterSettings {
  secret: string
  publicUrl: string
}

export function starterSettings(name: string): StarterSettings {
  const contract = readFileSync(join(__dirname, '../../../starters/CONTRACT.md'), 'utf8')
  const row = contract.split('\n').find((line) => line.startsWith(`| ${name} |`))
  const names = row?.split('|').slice(2, 4).map((cell) => /`([A-Z_]+)`/.exec(cell)?.[1])
  if (!names?.[0] || !names[1]) throw new Error(`starters/CONTRACT.md has no settings row for ${name}: add its secret and public URL variables.`)
  return { secret: names[0], publicUrl: names[1] }
}

/**
 * A clean environment, as on a host that was never told about this app: the shell's basics, nothing about auth,
 * data or Node's mode. `extra` adds what a test means to set in the environment.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'CHROME_PATH', 'npm_config_cache']
  return { ...Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]])), ...extra } as NodeJS.ProcessEnv
}

export function writeEnvLocal(dir: string, settings: Record<string, string>) {
  writeFileSync(join(dir, '.env.local'), Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('\n') + '\n')
}

export interface RunningStarter {
  base: string
  port: number
  log(): string
  stop(): Promise<void>
}

/**
 * `npm start` in `dir` on a free port. `envLocal` is written to `.env.local` first; by default (the contract's run)
 * the starter's secret and `http://localhost:<port>` as its public URL, from the CONTRACT.md table, with DATA_DIR
 * and DEV_SIGN_IN=1 in the environment as the contract's command line has them. Ready when `/signin` answers.
 */
export async function startStarter(
  dir: string,
  options: { envLocal?: (port: number) => Record<string, string>; env?: Record<string, string>; port?: number } = {},
): Promise<RunningStarter> {
  const port = options.port ?? (await freePort())
  const base = `http://localhost:${port}`
  const settings = starterSettings(basename(dir))
  const envLocal = options.envLocal?.(port) ?? { [settings.secret]: `contract-${Date.now()}-${Math.random().toString(36).slice(2)}-0123456789`, [settings.publicUrl]: base }
  writeEnvLocal(dir, envLocal)
  const env = options.env ?? { DATA_DIR: mkdtempSync(join(tmpdir(), 'starter-data-')), DEV_SIGN_IN: '1' }
  const child = spawn('npm', ['start'], { cwd: dir, env: cleanEnv({ ...env, PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${log}`)
    try {
      if ((await fetch(`${base}/signin`)).ok) break
    } catch {}
    if (Date.now() > deadline) throw new Error(`npm start did not answer:\n${log}`)
    await new Promise((r) => setTimeout(r, 300))
  }
  return {
    base,
    port,
    log: () => log,
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      process.kill(-child.pid!, 'SIGTERM')
      await exited
    },
  }
}

/** `npm start` that is expected to refuse: its exit code, output and how long it took (killed after `limitMs`). */
export async function startRefused(dir: string, envLocal: Record<string, string>, env: Record<string, string>, limitMs = 10_000) {
  writeEnvLocal(dir, envLocal)
  const started = Date.now()
  const child = spawn('npm', ['start'], { cwd: dir, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), limitMs + 5_000)
  const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)))
  clearTimeout(timer)
  return { code, output, ms: Date.now() - started }
}

// The password the suites give every user they sign up (a starter with email and password sign-in).
const PASSWORD = 'contract-suite-password'

// A new user signs up where the sign-in page has a sign-up form (email and password); without one, the email-only
// dev sign-in creates the user. A returning user signs in, with the suite's password where the page asks for one.
export async function signIn(p: Page, email: string, { returning = false } = {}) {
  await p.goto('/signin')
  const signUp = p.getByTestId('signup-submit')
  if (!returning && (await signUp.count()) > 0) {
    await p.getByTestId('signup-email').fill(email)
    await p.getByTestId('signup-password').fill(PASSWORD)
    await signUp.click()
  } else {
    await p.getByTestId('signin-email').fill(email)
    const password = p.getByTestId('signin-password')
    if ((await password.count()) > 0) await password.fill(PASSWORD)
    await p.getByTestId('signin-submit').click()
  }
  await p.waitForURL(/\/(onboarding|dashboard)(\?|$)/)
}
