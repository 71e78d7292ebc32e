import { randomBytes } from 'node:crypto'
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from './data-dir'

/**
 * The secret that encrypts the session cookie (and, through HKDF, signs update tickets).
 * AUTH_SECRET wins. In development (or a local production run with DEV_SIGN_IN=1, which is never a
 * public deployment either), when it is unset, one is generated once into $DATA_DIR/auth-secret
 * (mode 600) and reused, so sessions survive a restart. In a real production run an unset AUTH_SECRET
 * is an error: a guessed or throwaway secret would leak sessions or sign everyone out at every deploy.
 */
export function authSecret(): string {
  const fromEnv = process.env.AUTH_SECRET
  if (fromEnv) return fromEnv
  if (process.env.NODE_ENV === 'production' && process.env.DEV_SIGN_IN !== '1') {
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
