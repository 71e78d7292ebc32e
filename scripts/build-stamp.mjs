// Is the production build in .next the build of the sources on disk? `npm run build` records a hash of every
// file the build reads; `npm start` (scripts/serve.mjs) and the test server (tests/support/server.ts) compare it
// with the sources as they are now, so a `git pull` or an edit is never served from an old build.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { linkedFiles } from '../components/TestLink/linked-files.mjs'

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))

// What `next build` compiles or reads. Tests and scripts are not part of the site, except the test files the guide
// shows at /source/<path> (linkedFiles). The starters are, as the zips the build makes of them (public/downloads,
// generated, so not hashed itself).
// security/: next.config.mjs computes the headers from security/headers.mjs at build time, and the build records them.
// mdx/: the build's own MDX plugins (code blocks as page data, the starters list, which reads scripts/starters/).
// bench/results/starters.json: the Better Auth chapter's table renders it (components/StartersBench); a new run is a new page.
export const INPUTS = ['pages', 'components', 'content', 'demo', 'lab', 'mdx', 'scripts/starters', 'security', 'styles', 'types', 'public', 'starters', 'middleware.ts',
  'bench/results/starters.json', 'next.config.mjs', 'theme.config.tsx', 'tsconfig.json', 'package.json', 'package-lock.json']

function files(root, entry) {
  const full = join(root, entry)
  if (!existsSync(full)) return []
  if (!statSync(full).isDirectory()) return [entry]
  const out = []
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue
      const p = join(dir, e.name)
      if (relative(root, p) === join('public', 'downloads')) continue
      if (e.isDirectory()) walk(p)
      else if (e.isFile()) out.push(relative(root, p))
    }
  }
  walk(full)
  return out
}

/** A sha256 over the path and bytes of every build input, in a stable order. */
export function sourceHash(root = ROOT) {
  const list = [...INPUTS.flatMap((entry) => files(root, entry)), ...linkedFiles(root)].sort()
  const hash = createHash('sha256')
  for (const file of new Set(list)) {
    hash.update(file).update('\0').update(readFileSync(join(root, file))).update('\0')
  }
  return hash.digest('hex')
}

const stampFile = (root) => join(root, '.next', 'source-hash')

/** Called by `npm run build` right after `next build` succeeded. */
export function recordBuild(root = ROOT) {
  writeFileSync(stampFile(root), sourceHash(root) + '\n')
}

/**
 * 'current' when .next holds the build of the sources on disk; 'stale' when it was built from other sources (or by
 * `next build` alone, which records nothing); 'missing' when there is no production build.
 */
export function buildState(root = ROOT) {
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) return 'missing'
  if (!existsSync(stampFile(root))) return 'stale'
  return readFileSync(stampFile(root), 'utf8').trim() === sourceHash(root) ? 'current' : 'stale'
}

// Servers running from this build register their PID here (outside .next, which a build replaces): a stale build
// is never rebuilt under a running server.
const serversDir = (root) => join(root, 'node_modules', '.cache', 'session-update-lab', 'servers')

const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

/** PIDs of the `npm start` servers running from this checkout's build (entries of dead processes are removed). */
export function runningServers(root = ROOT) {
  const dir = serversDir(root)
  if (!existsSync(dir)) return []
  const pids = []
  for (const name of readdirSync(dir)) {
    const pid = Number(name)
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) pids.push(pid)
    else if (pid !== process.pid) rmSync(join(dir, name), { force: true })
  }
  return pids
}

/** Registers this process as a server of the build; the entry goes when the process exits. */
export function registerServer(root = ROOT) {
  const dir = serversDir(root)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, String(process.pid))
  writeFileSync(file, '')
  process.on('exit', () => rmSync(file, { force: true }))
}
