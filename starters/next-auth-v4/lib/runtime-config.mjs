// Plain ESM so that scripts/serve.mjs (before Next starts) and the app share one answer.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** Where the SQLite file and the generated secret live. */
export function dataDir() {
  return resolve(process.env.DATA_DIR || '.data')
}

let cached

/**
 * NEXTAUTH_SECRET when set. Otherwise a secret generated on first start into DATA_DIR/secret (mode 600)
 * and read back on every later start, so sessions survive a restart. Set NEXTAUTH_SECRET in production.
 */
export function ensureSecret() {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET
  cached ??= readOrCreateSecret()
  return cached
}

function readOrCreateSecret() {
  const dir = dataDir()
  mkdirSync(dir, { recursive: true })
  const file = resolve(dir, 'secret')
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
