// Plain ESM so that scripts/serve.mjs can share it with the app without a compile step.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** Where the demo keeps its SQLite file and its generated secret. */
export function dataDir() {
  return resolve(process.env.DATA_DIR || '.data')
}

/**
 * NEXTAUTH_SECRET when set; otherwise a secret generated on first start and kept in DATA_DIR,
 * so that sessions survive restarts and every server sharing the folder accepts the same cookies.
 */
let cached

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
      // 'wx' fails if another server wrote it first; then theirs wins.
      writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 })
      return secret
    } catch {
      return readFileSync(file, 'utf8').trim()
    }
  }
}
