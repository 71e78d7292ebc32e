// `npm start` and `npm run dev`: settings with Next's own .env* precedence (the environment wins over .env.local,
// which wins over .env), the production refusal, the development secret, the migrations, then Next itself.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import nextEnv from '@next/env'
import { ensureDevSecret, productionRefusal } from '../src/server/settings.mjs'
import { migrateDatabase } from './migrate.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const mode = process.argv[2] === 'dev' ? 'dev' : 'start'
const refuse = (line) => {
  console.error(line)
  process.exit(1)
}

process.env.NODE_ENV ??= mode === 'dev' ? 'development' : 'production'
nextEnv.loadEnvConfig(root, mode === 'dev')
if (mode === 'start') {
  const refusal = productionRefusal()
  if (refusal) refuse(refusal)
} else {
  ensureDevSecret()
  // Development's public URL, as the browser reaches it (production states its own or trusts the host).
  if (!process.env.AUTH_TRUST_HOST && !process.env.VERCEL) process.env.BETTER_AUTH_URL ??= `http://localhost:${process.env.PORT || '3000'}`
}
if (Boolean(process.env.BETTER_AUTH_GITHUB_CLIENT_ID) !== Boolean(process.env.BETTER_AUTH_GITHUB_CLIENT_SECRET)) {
  refuse('Refusing to start: BETTER_AUTH_GITHUB_CLIENT_ID and BETTER_AUTH_GITHUB_CLIENT_SECRET go together. Set both (GitHub OAuth app) or neither.')
}
try {
  await import('../src/env.js')
} catch (error) {
  // @t3-oss/env-nextjs has printed each invalid variable with its reason just above.
  refuse(`Refusing to start: invalid settings (see above). ${error instanceof Error ? error.message : error}`)
}
await migrateDatabase()

const child = spawn(path.join(root, 'node_modules/.bin/next'), [mode, '-p', process.env.PORT || '3000'], { cwd: root, stdio: 'inherit', env: process.env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
