import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SOURCES = ['app', 'components', 'lib', 'pages', 'public', 'types', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs', 'package-lock.json', 'styles.css', 'tsconfig.json']

function newest(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

export default function setup() {
  // `SKIP_BUILD=1 npx vitest run tests/unit`: the unit tests alone need no build.
  if (process.env.SKIP_BUILD === '1') return
  const built = existsSync('.next/BUILD_ID') ? statSync('.next/BUILD_ID').mtimeMs : 0
  if (built > Math.max(...SOURCES.map(newest))) return
  console.log('npm test: building the app (no build, or sources changed since the last one)…')
  const result = spawnSync(process.execPath, ['scripts/serve.mjs', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) throw new Error('next build failed')
}
