// The settings every entry point shares (scripts/serve.mjs before Next starts, scripts/migrate.mjs, the app):
// where data lives, which database, whether the host is trusted, and why production refuses to start.
// Plain JavaScript so the scripts can import it without a build step.
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** DATA_DIR holds the embedded database (pglite/) and the development secret. Default: ./.data */
/** @param {Record<string, string | undefined>} [env] */
export function dataDir(env = process.env) {
  // turbopackIgnore: a run-time folder, not a source the build should trace.
  const dir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || '.data')
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Host trusted: the public URL comes from the request (Host / X-Forwarded-Host), as on Vercel. */
/** @param {Record<string, string | undefined>} [env] */
export function hostTrusted(env = process.env) {
  return env.AUTH_TRUST_HOST === 'true' || env.VERCEL === '1'
}

/**
 * Why a production server must not start, as the one line CONTRACT.md asks for, or null. Without a secret, every
 * session would be signed with Better Auth's public default key; without a public URL on an untrusted host,
 * redirects and the origin check would follow whatever Host header a request brings.
 */
/** @param {Record<string, string | undefined>} [env] */
export function productionRefusal(env = process.env) {
  if (!env.BETTER_AUTH_SECRET) {
    return 'Refusing to start: BETTER_AUTH_SECRET is not set. Set it in .env.local or the environment (`openssl rand -base64 32`).'
  }
  if (!env.BETTER_AUTH_URL && !hostTrusted(env)) {
    return 'Refusing to start: BETTER_AUTH_URL is not set. Set it to the public URL (e.g. BETTER_AUTH_URL=https://app.example.com) in .env.local or the environment, or set AUTH_TRUST_HOST=true behind a proxy you trust.'
  }
  return null
}

/**
 * Development only: a secret generated once into $DATA_DIR/better-auth-secret (mode 600) and reused, so sessions
 * survive a restart. Fills BETTER_AUTH_SECRET only when nothing (environment, .env*) set it.
 */
/** @param {Record<string, string | undefined>} [env] */
export function ensureDevSecret(env = process.env) {
  if (env.BETTER_AUTH_SECRET) return
  const file = path.join(dataDir(env), 'better-auth-secret')
  let secret
  try {
    secret = readFileSync(file, 'utf8').trim()
  } catch {
    secret = randomBytes(32).toString('base64')
    try {
      // wx: never overwrite a secret another process wrote in the meantime.
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' })
    } catch {
      secret = readFileSync(file, 'utf8').trim()
    }
  }
  chmodSync(file, 0o600)
  env.BETTER_AUTH_SECRET = secret
}

/** Session cookies get the __Secure- prefix behind https; the proxy must read them under the same name. */
/** @param {Record<string, string | undefined>} [env] */
export function secureCookies(env = process.env) {
  if (env.BETTER_AUTH_URL) return new URL(env.BETTER_AUTH_URL).protocol === 'https:'
  // No public URL (trusted host): Better Auth's own default, the prefix in production.
  return env.NODE_ENV === 'production'
}
