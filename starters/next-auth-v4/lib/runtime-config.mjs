// Plain ESM so that the scripts (before Next starts) and the app share one answer.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** Where the embedded database (pglite/) and the development secret live. */
export function dataDir() {
  return resolve(/* turbopackIgnore: true */ process.env.DATA_DIR || '.data')
}

/** next-auth 4's own test (next-auth/utils/detect-origin.js:10): a non-empty VERCEL, else a non-empty AUTH_TRUST_HOST. */
export function hostTrusted(env = process.env) {
  return Boolean(env.VERCEL ?? env.AUTH_TRUST_HOST)
}

const SECRET_HOW = 'Set it in .env.local or the environment: NEXTAUTH_SECRET=$(openssl rand -base64 32)'

/**
 * Why production must not start with these settings, as the one line to print; null when they are fine.
 * @param {NodeJS.ProcessEnv} env after .env* files were loaded
 */
export function productionRefusal(env = process.env) {
  if (!env.NEXTAUTH_SECRET) return `Refusing to start: NEXTAUTH_SECRET is not set. ${SECRET_HOW}`
  if (env.AUTH_TRUST_HOST && !['true', '1'].includes(env.AUTH_TRUST_HOST) && !env.NEXTAUTH_URL) {
    // next-auth trusts the host for ANY non-empty value, "false" included: refuse what would be read backwards.
    return `Refusing to start: AUTH_TRUST_HOST is "${env.AUTH_TRUST_HOST}", which next-auth 4 reads as true. Set AUTH_TRUST_HOST=true, or remove it and set NEXTAUTH_URL=https://your.host`
  }
  if (!env.NEXTAUTH_URL && !hostTrusted(env)) {
    return 'Refusing to start: NEXTAUTH_URL is not set. Set it to the public URL in .env.local or the environment (NEXTAUTH_URL=https://your.host), or set AUTH_TRUST_HOST=true behind a proxy that sends X-Forwarded-Host and X-Forwarded-Proto (VERCEL=1 on Vercel does the same)'
  }
  if (env.NEXTAUTH_URL && !URL.canParse(env.NEXTAUTH_URL)) {
    return `Refusing to start: NEXTAUTH_URL is not a URL ("${env.NEXTAUTH_URL}"). Set it to the public URL, e.g. NEXTAUTH_URL=https://your.host`
  }
  return null
}

let cached

/**
 * NEXTAUTH_SECRET when set. In development, a secret generated on first start into DATA_DIR/secret (mode 600)
 * and read back on every later start, so sessions survive a restart. Production never generates one.
 */
export function ensureSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET
  if (process.env.NODE_ENV === 'production') throw new Error(`Refusing to start: NEXTAUTH_SECRET is not set. ${SECRET_HOW}`)
  cached ??= readOrCreateSecret()
  return cached
}

function readOrCreateSecret() {
  const dir = dataDir()
  mkdirSync(dir, { recursive: true })
  const file = resolve(/* turbopackIgnore: true */ dir, 'secret')
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    const secret = randomBytes(32).toString('base64url')
    try {
      // 'wx': if another process wrote it first, theirs wins and we read it.
      writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 })
      return secret
    } catch {
      return readFileSync(file, 'utf8').trim()
    }
  }
}
