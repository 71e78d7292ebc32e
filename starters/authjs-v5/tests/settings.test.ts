// Settings as `npm start` / `npm run dev` read them (scripts/serve.mjs + src/env.js), in a copy of the app's
// start-up files with its own .env.local: Next's precedence (the environment wins over .env.local), the one-line
// refusals of bad production settings, and development's generated, persisted secret. Every case here stops
// before Next would start, so no build is needed.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { appEnv } from './support/server'

const root = path.resolve(import.meta.dirname, '..')

function appCopy(envLocal = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'authjs-v5-settings-'))
  for (const f of ['scripts', 'drizzle', 'package.json']) cpSync(path.join(root, f), path.join(dir, f), { recursive: true })
  mkdirSync(path.join(dir, 'src'))
  cpSync(path.join(root, 'src', 'env.js'), path.join(dir, 'src', 'env.js'))
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'))
  if (envLocal) writeFileSync(path.join(dir, '.env.local'), envLocal)
  return dir
}

function npm(dir: string, script: 'start' | 'dev', settings: Record<string, string | undefined>) {
  const started = Date.now()
  const res = spawnSync('npm', ['run', script], { cwd: dir, env: appEnv({ DATA_DIR: path.join(dir, 'data'), ...settings }), encoding: 'utf8', timeout: 30_000 })
  const output = `${res.stdout}${res.stderr}`
  return { status: res.status, seconds: (Date.now() - started) / 1000, output, refusals: output.split('\n').filter((l) => l.includes('Refusing to start:')) }
}

describe('npm start refuses bad production settings: non-zero exit within seconds, one line naming the variable', () => {
  const cases: [string, string, Record<string, string | undefined>, RegExp][] = [
    ['no secret anywhere', '', {}, /^Refusing to start: AUTH_SECRET is not set\. .*openssl rand/],
    ['the secret in .env.local, no public URL, host not trusted', 'AUTH_SECRET=from-the-file\n', {}, /^Refusing to start: AUTH_URL is not set\. .*AUTH_TRUST_HOST=true/],
    ['AUTH_TRUST_HOST=true in .env.local, false in the environment: the environment wins', 'AUTH_SECRET=s\nAUTH_TRUST_HOST=true\n', { AUTH_TRUST_HOST: 'false' }, /^Refusing to start: AUTH_URL is not set/],
    ['AUTH_TRUST_HOST=yes', '', { AUTH_SECRET: 's', AUTH_TRUST_HOST: 'yes' }, /^Refusing to start: AUTH_TRUST_HOST must be true or false\.$/],
    ['a MySQL DATABASE_URL', 'AUTH_SECRET=s\nAUTH_URL=https://app.example\n', { DATABASE_URL: 'mysql://u:p@db/app' }, /^Refusing to start: DATABASE_URL is not a PostgreSQL URL\./],
    ['an AUTH_URL that is not a URL', '', { AUTH_SECRET: 's', AUTH_URL: 'app.example' }, /^Refusing to start: AUTH_URL /],
  ]
  for (const [name, file, settings, line] of cases) {
    it(name, () => {
      const run = npm(appCopy(file), 'start', settings)
      expect(run.status, run.output).not.toBe(0)
      expect(run.seconds).toBeLessThan(10)
      expect(run.refusals, run.output).toHaveLength(1)
      expect(run.refusals[0]).toMatch(line)
      expect(run.output).not.toMatch(/^\s+at /m) // no stack trace
    })
  }

  it('AUTH_TRUST_HOST=true or VERCEL=1 stands in for the public URL (it gets past the checks to the database)', () => {
    for (const settings of [{ AUTH_TRUST_HOST: 'true' }, { VERCEL: '1' }]) {
      // An unreachable PostgreSQL makes the run stop right after the settings are accepted.
      const run = npm(appCopy('AUTH_SECRET=s\n'), 'start', { ...settings, DATABASE_URL: 'postgres://u:p@127.0.0.1:1/none' })
      expect(run.refusals, run.output).toHaveLength(1)
      expect(run.refusals[0]).toMatch(/^Refusing to start: the database migrations failed \(DATABASE_URL\)/)
    }
  })
})

describe('development', () => {
  it('generates a secret into DATA_DIR once (mode 600) and keeps it; a secret from .env.local wins', () => {
    const dir = appCopy()
    const bad = { DATABASE_URL: 'mysql://stop-before-next' } // stops the run after the secret, before Next
    npm(dir, 'dev', bad)
    const file = path.join(dir, 'data', 'auth-secret')
    const first = readFileSync(file, 'utf8')
    expect(first.trim().length).toBeGreaterThanOrEqual(40)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    npm(dir, 'dev', bad)
    expect(readFileSync(file, 'utf8')).toBe(first)

    const withFile = appCopy('AUTH_SECRET=from-the-file\n')
    npm(withFile, 'dev', bad)
    expect(existsSync(path.join(withFile, 'data', 'auth-secret'))).toBe(false)
  })
})
