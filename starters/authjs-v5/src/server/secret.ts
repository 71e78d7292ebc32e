import { randomBytes } from 'node:crypto'
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from './data-dir'

/**
 * The secret that encrypts the session cookie (and, through HKDF, signs update tickets).
 * AUTH_SECRET wins. In development only, when it is unset, one is generated once into
 * $DATA_DIR/auth-secret (mode 600) and reused, so sessions survive a restart. In production an unset
 * AUTH_SECRET stays unset and Auth.js refuses to start (MissingSecret): a guessed or throwaway secret
 * would either leak sessions or sign everyone out at every deploy.
 */
export function authSecret(): string {
  const fromEnv = process.env.AUTH_SECRET
  if (fromEnv) return fromEnv
  if (process.env.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET is not set. Generate one with `openssl rand -base64 33` and set it.')
  }
  const file = path.join(dataDir(), 'auth-secret')
  let secret: string
  try {
    secret = readFileSync(file, 'utf8').trim()
  } catch {
    secret = randomBytes(33).toString('base64')
    // wx: never overwrite a secret another process wrote in the meantime.
    try {
      writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' })
    } catch {
      secret = readFileSync(file, 'utf8').trim()
    }
  }
  chmodSync(file, 0o600)
  process.env.AUTH_SECRET = secret // Auth.js and getToken() read it from here
  return secret
}
