#!/usr/bin/env node
// `npm run dev` / `npm run build` / `npm start`: the settings (scripts/settings.mjs) decided once, then Next.
// `node scripts/serve.mjs settings` prints what `npm start` would run with (the secret only as a fingerprint).
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { productionRefusal } from '../lib/runtime-config.mjs'
import { loadSettings } from './settings.mjs'

const mode = process.argv[2] ?? 'start'
if (!['dev', 'build', 'start', 'settings'].includes(mode)) {
  console.error('usage: node scripts/serve.mjs [dev|build|start|settings]')
  process.exit(2)
}
const env = loadSettings(mode === 'settings' ? 'start' : mode)
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')

if (mode === 'settings') {
  const fingerprint = env.NEXTAUTH_SECRET ? createHash('sha256').update(env.NEXTAUTH_SECRET).digest('hex').slice(0, 12) : null
  const { PORT, DATA_DIR, NEXTAUTH_URL, AUTH_TRUST_HOST, DATABASE_URL } = env
  console.log(JSON.stringify({ PORT, DATA_DIR, NEXTAUTH_URL, AUTH_TRUST_HOST, database: DATABASE_URL ? 'postgres' : 'pglite', secret: fingerprint, refusal: productionRefusal(env) }))
  process.exit(0)
}

if (mode === 'build') {
  const result = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env })
  process.exit(result.status ?? 1)
}

if (mode === 'start') {
  const refusal = productionRefusal(env)
  if (refusal) {
    console.error(refusal)
    process.exit(1)
  }
  if (!existsSync('.next/BUILD_ID')) {
    console.error('No production build: run `npm run build` first.')
    process.exit(1)
  }
  if (env.DEV_SIGN_IN === '1') console.warn('Warning: DEV_SIGN_IN=1: anyone can sign in as any email. For tests only, never on a public deployment.')
}
console.log(`next-auth v4 starter on ${env.NEXTAUTH_URL ?? 'the forwarded host (AUTH_TRUST_HOST)'}, data in ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `${env.DATA_DIR}/pglite`}`)
const child = spawn(process.execPath, [nextBin, mode, '-p', env.PORT], { stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
