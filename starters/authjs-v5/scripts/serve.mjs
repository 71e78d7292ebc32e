// `npm run dev` / `npm start`: settings as Next reads them, checked, migrations applied, then Next itself.
//  1. @next/env loads .env* with Next's precedence (the environment wins over .env.local, which wins over .env).
//  2. Defaults fill only what is still unset: in development, a secret generated once into $DATA_DIR/auth-secret.
//  3. src/env.js validates; a bad production setting prints one `Refusing to start: …` line and exits 1.
//  4. drizzle/ is applied (scripts/migrate.mjs), then `next dev` / `next start` runs with the same environment.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import nextEnv from '@next/env'
import { migrateDatabase } from './migrate.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const mode = process.argv[2] === 'dev' ? 'dev' : 'start'
const dev = mode === 'dev'
process.env.NODE_ENV = dev ? 'development' : 'production' // what `next dev` / `next start` set themselves
nextEnv.loadEnvConfig(root, dev)

/** Development only: the secret that survives restarts, generated once (mode 600), never overwritten. */
function devSecret(dataDir) {
  mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'auth-secret')
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    try {
      writeFileSync(file, `${randomBytes(33).toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
    } catch {} // another process wrote it first: read theirs
    chmodSync(file, 0o600)
    return readFileSync(file, 'utf8').trim()
  }
}

if (dev && !process.env.AUTH_SECRET) process.env.AUTH_SECRET = devSecret(path.resolve(root, process.env.DATA_DIR || '.data'))

try {
  await import('../src/env.js')
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
if (!dev && process.env.DEV_SIGN_IN === '1') {
  console.warn('Warning: DEV_SIGN_IN=1: anyone can sign in as any email without a password. For tests only, never on a public site.')
}

try {
  await migrateDatabase()
} catch (error) {
  console.error(`Refusing to start: the database migrations failed (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'DATA_DIR'}): ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}

const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
const child = spawn(process.execPath, [next, mode, ...process.argv.slice(3)], { cwd: root, stdio: 'inherit', env: process.env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
