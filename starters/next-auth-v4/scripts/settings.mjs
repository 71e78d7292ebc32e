// The settings every script runs with, decided once: the host's environment, then the .env* files with Next's own
// precedence (@next/env's loadEnvConfig: the environment wins over .env.local, which wins over .env), then
// the starter's defaults, which only fill what is still unset.
import nextEnv from '@next/env'
import { dataDir, ensureSecret, hostTrusted } from '../lib/runtime-config.mjs'

/**
 * Loads .env* from `dir` into process.env and fills the defaults for `mode` (dev | build | start | migrate).
 * Production (start) gets no default secret or public URL: scripts/serve.mjs refuses to start without them.
 */
export function loadSettings(mode, dir = process.cwd()) {
  const dev = mode === 'dev'
  nextEnv.loadEnvConfig(dir, dev, { info: () => {}, error: console.error })
  process.env.PORT ||= '3000'
  process.env.DATA_DIR = dataDir() // absolute, so Next's server and every script agree on one folder
  process.env.NEXT_TELEMETRY_DISABLED ??= '1'
  if (dev) {
    // Local defaults: a generated secret kept in DATA_DIR, and this machine's URL.
    process.env.NEXTAUTH_SECRET ||= ensureSecret()
    if (!hostTrusted()) process.env.NEXTAUTH_URL ||= `http://localhost:${process.env.PORT}`
  }
  return process.env
}
