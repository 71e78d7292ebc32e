#!/usr/bin/env node
// `npm start` / `npm run dev` / `npm run build`: the one entry point, so the embedded defaults
// (DATA_DIR, a persisted secret, NEXTAUTH_URL for the chosen port) apply however the site is run.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dataDir, ensureSecret } from '../demo/runtime-config.mjs'

const mode = process.argv[2] ?? 'start'
const port = process.env.PORT || '3000'
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')

const env = {
  ...process.env,
  DATA_DIR: dataDir(),
  NEXTAUTH_SECRET: ensureSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
}

function run(args) {
  const result = spawnSync(process.execPath, [nextBin, ...args], { stdio: 'inherit', env })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

// The starters' downloads (public/downloads/*.zip) are part of every build of the site.
function zipStarters() {
  const result = spawnSync(process.execPath, ['scripts/starters/zip.mjs'], { stdio: 'inherit', env })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (mode === 'build') {
  zipStarters()
  run(['build'])
} else if (mode === 'start' || mode === 'dev') {
  // Build only when there is no production build, so several servers can start from one build.
  if (mode === 'dev') zipStarters()
  if (mode === 'start' && !existsSync('.next/BUILD_ID')) {
    zipStarters()
    run(['build'])
  }
  console.log(`Session Update Lab on ${env.NEXTAUTH_URL} (data in ${env.DATA_DIR})`)
  const child = spawn(process.execPath, [nextBin, mode, '-p', port], { stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
} else {
  console.error(`usage: node scripts/serve.mjs [start|dev|build]`)
  process.exit(2)
}
