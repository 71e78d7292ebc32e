#!/usr/bin/env node
// `npm run dev` / `npm run build` / `npm start`: sets DATA_DIR, the secret and NEXTAUTH_URL (from PORT)
// once, so every way of running the app agrees on them.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dataDir, ensureSecret } from '../lib/runtime-config.mjs'

const mode = process.argv[2] ?? 'start'
const port = process.env.PORT || '3000'
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')

if (mode === 'start' && !process.env.NEXTAUTH_SECRET) {
  console.warn(`NEXTAUTH_SECRET is not set: using the secret generated in ${dataDir()}/secret. Set it in production.`)
}

const env = {
  ...process.env,
  DATA_DIR: dataDir(),
  NEXTAUTH_SECRET: ensureSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1',
}

if (mode === 'build') {
  const result = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env })
  process.exit(result.status ?? 1)
} else if (mode === 'start' || mode === 'dev') {
  if (mode === 'start' && !existsSync('.next/BUILD_ID')) {
    console.error('No production build: run `npm run build` first.')
    process.exit(1)
  }
  console.log(`next-auth v4 starter on ${env.NEXTAUTH_URL} (data in ${env.DATA_DIR})`)
  const child = spawn(process.execPath, [nextBin, mode, '-p', port], { stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
} else {
  console.error('usage: node scripts/serve.mjs [dev|build|start]')
  process.exit(2)
}
