// scripts/serve.mjs as a reader runs it, in a folder holding only the .env files of each case: Next's precedence
// (@next/env: the environment over .env.local over .env), defaults that only fill what is unset, and the
// production refusals (one line, non-zero exit, within seconds).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SERVE = resolve('scripts/serve.mjs')
const fingerprint = (secret: string) => createHash('sha256').update(secret).digest('hex').slice(0, 12)

/** A clean environment: none of the settings under test inherited from the machine running the tests. */
function run(args: string[], files: Record<string, string>, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'v4-settings-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  const started = Date.now()
  const result = spawnSync(process.execPath, [SERVE, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? dir, ...env } as unknown as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 20_000,
  })
  return { dir, ...result, seconds: (Date.now() - started) / 1000 }
}
const settings = (files: Record<string, string>, env: Record<string, string> = {}) => {
  const r = run(['settings'], files, env)
  expect(r.status, r.stderr).toBe(0)
  return { dir: r.dir, ...JSON.parse(r.stdout) }
}

describe('settings: .env* files with Next’s precedence, defaults only where unset', () => {
  const LOCAL = 'NEXTAUTH_SECRET=from-env-local-0123456789abcdef\nNEXTAUTH_URL=https://app.example\nDATA_DIR=/srv/starter-data\n'

  it('.env.local decides the secret, the public URL and DATA_DIR; no default overrides them', () => {
    const s = settings({ '.env.local': LOCAL, '.env': 'NEXTAUTH_URL=https://from-dot-env.example\nDATA_DIR=/from/dot/env\n' })
    expect(s).toMatchObject({ NEXTAUTH_URL: 'https://app.example', DATA_DIR: '/srv/starter-data', secret: fingerprint('from-env-local-0123456789abcdef'), refusal: null })
  })

  it('the host’s environment wins over .env.local', () => {
    const s = settings({ '.env.local': LOCAL }, { NEXTAUTH_URL: 'https://from-environment.example', NEXTAUTH_SECRET: 'from-environment-0123456789' })
    expect(s).toMatchObject({ NEXTAUTH_URL: 'https://from-environment.example', secret: fingerprint('from-environment-0123456789'), DATA_DIR: '/srv/starter-data' })
  })

  it('.env.production is read for npm start, .env.development is not', () => {
    const s = settings({ '.env.production': 'NEXTAUTH_URL=https://prod.example\n', '.env.development': 'NEXTAUTH_URL=http://dev.example\n' })
    expect(s.NEXTAUTH_URL).toBe('https://prod.example')
  })

  it('unset: DATA_DIR defaults to .data in the project, PORT to 3000; production gets no secret or URL by default', () => {
    const s = settings({})
    expect(s).toMatchObject({ PORT: '3000', DATA_DIR: join(s.dir, '.data'), secret: null })
    expect(s.NEXTAUTH_URL).toBeUndefined()
  })

  it('development generates a secret into DATA_DIR/secret (mode 600), keeps it across starts, and defaults the URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'v4-settings-dev-'))
    const load = () => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', `const { loadSettings } = await import(${JSON.stringify(resolve('scripts/settings.mjs'))}); const e = loadSettings('dev'); console.log(JSON.stringify({ secret: e.NEXTAUTH_SECRET, url: e.NEXTAUTH_URL }))`], {
        cwd: dir,
        env: { PATH: process.env.PATH!, PORT: '4123' } as unknown as NodeJS.ProcessEnv,
        encoding: 'utf8',
      })
      expect(r.status, r.stderr).toBe(0)
      return JSON.parse(r.stdout)
    }
    const first = load()
    expect(first.secret).toMatch(/^[\w-]{40,}$/)
    expect(first.url).toBe('http://localhost:4123')
    expect(readFileSync(join(dir, '.data/secret'), 'utf8').trim()).toBe(first.secret)
    expect(statSync(join(dir, '.data/secret')).mode & 0o777).toBe(0o600)
    expect(load().secret).toBe(first.secret)
  })
})

describe('npm start refuses bad production settings: one line, non-zero exit, within seconds', () => {
  const refused = (files: Record<string, string>, env: Record<string, string> = {}) => {
    const r = run(['start'], files, env)
    expect(r.status).not.toBe(0)
    expect(r.seconds).toBeLessThan(10)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(r.stdout).toBe('')
    return lines[0]
  }

  it('no NEXTAUTH_SECRET', () => {
    expect(refused({ '.env.local': 'NEXTAUTH_URL=https://app.example\n' })).toMatch(/^Refusing to start: NEXTAUTH_SECRET is not set\. .*\.env\.local.*openssl rand/)
  })

  it('no NEXTAUTH_URL and the host not trusted', () => {
    const line = refused({ '.env.local': 'NEXTAUTH_SECRET=s-0123456789abcdef0123456789\n' })
    expect(line).toMatch(/^Refusing to start: NEXTAUTH_URL is not set\. .*NEXTAUTH_URL=https:\/\/.*AUTH_TRUST_HOST=true/)
  })

  it('AUTH_TRUST_HOST=false, which next-auth 4 would read as true', () => {
    expect(refused({ '.env.local': 'NEXTAUTH_SECRET=s-0123456789abcdef0123456789\nAUTH_TRUST_HOST=false\n' })).toMatch(/^Refusing to start: AUTH_TRUST_HOST/)
  })

  it('a NEXTAUTH_URL that is not a URL', () => {
    expect(refused({}, { NEXTAUTH_SECRET: 's-0123456789abcdef0123456789', NEXTAUTH_URL: 'https://' })).toMatch(/^Refusing to start: NEXTAUTH_URL is not a URL/)
  })

  it('.env.example as it ships (every value empty) refuses nothing once the secret and the URL are filled in', () => {
    const example = readFileSync('.env.example', 'utf8')
    const s = settings({ '.env': example, '.env.local': 'NEXTAUTH_SECRET=s-0123456789abcdef0123456789\nNEXTAUTH_URL=https://app.example\n' })
    expect(s).toMatchObject({ refusal: null, NEXTAUTH_URL: 'https://app.example', database: 'pglite' })
  })

  it('a trusted host needs no URL (AUTH_TRUST_HOST=true, or VERCEL=1): nothing to refuse', () => {
    for (const env of [{ AUTH_TRUST_HOST: 'true' }, { VERCEL: '1' }] as Record<string, string>[]) {
      expect(settings({ '.env.local': 'NEXTAUTH_SECRET=s-0123456789abcdef0123456789\n' }, env).refusal).toBeNull()
    }
  })
})
