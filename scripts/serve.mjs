#!/usr/bin/env node
// `npm start` / `npm run dev` / `npm run build`: the one entry point, so the embedded defaults
// (DATA_DIR, a persisted secret, NEXTAUTH_URL for the chosen port) apply however the site is run.
import { spawnSync, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { buildState, recordBuild, registerServer, runningServers } from './build-stamp.mjs'
import { dataDir, ensureSecret } from '../demo/runtime-config.mjs'

const mode = process.argv[2] ?? 'start'
const require = createRequire(import.meta.url)
const nextBin = require.resolve('next/dist/bin/next')

// Settings as Next itself reads them (.env.local, .env.production, .env, the environment winning over files), loaded
// before the defaults below: a default only fills what neither the environment nor a file set, so the secret, public
// URL and DATA_DIR a reader writes in .env.local are the ones served. @next/env is Next's own loader (a dependency of
// next, resolved through it).
const { loadEnvConfig } = createRequire(require.resolve('next'))('@next/env')
loadEnvConfig(process.cwd(), mode === 'dev', { info: () => {}, error: console.error })
const port = process.env.PORT || '3000'

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

function build() {
  zipStarters()
  run(['build'])
  recordBuild()
}

/**
 * `npm start` serves the build of the sources on disk: it builds when there is no build or the sources changed
 * since (a `git pull`, an edit), and starts at once when the build is current, so several servers can share it.
 * It never rebuilds under another server running from the same build: it says so and stops.
 */
function ensureCurrentBuild() {
  const state = buildState()
  if (state === 'current') return
  // Registered first, so that two stale starts at once see each other rather than both rebuilding.
  registerServer()
  const others = runningServers()
  if (others.length) {
    console.error(
      `The build in .next is ${state === 'missing' ? 'missing' : 'older than the sources'}, and another server ` +
        `(PID ${others.join(', ')}) is running from it. Not rebuilding under it: stop it, then run npm start again.`,
    )
    process.exit(1)
  }
  console.log(state === 'missing' ? 'No production build yet: building it.' : 'The sources changed since the last build: rebuilding.')
  build()
}

if (mode === 'build') {
  build()
} else if (mode === 'start' || mode === 'dev') {
  if (mode === 'dev') zipStarters()
  if (mode === 'start') {
    ensureCurrentBuild()
    registerServer()
  }
  console.log(`Session Update Lab on ${env.NEXTAUTH_URL} (data in ${env.DATA_DIR})`)
  const child = spawn(process.execPath, [nextBin, mode, '-p', port], { stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
} else {
  console.error(`usage: node scripts/serve.mjs [start|dev|build]`)
  process.exit(2)
}
