// What the site says about each starter, read from the starter itself at build time: its README's title and first
// command block, its package.json's description and auth library, its files. The Starters page, the first chapter
// and /source/starters/… are built from this, so a starter added under starters/ (better-auth, say) appears on the
// site with the next build, and one removed disappears, with no page to edit.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { starterFiles, starterNames } from './zip.mjs'

// From the working directory, as components/TestLink/linked-files.mjs does: the site's build bundles this file, where
// a path computed from import.meta.url could name the bundle's folder instead of the repository.
const STARTERS = join(process.cwd(), 'starters')

/** The auth library a starter is built on, as a reader searches for it. */
function library(pkg) {
  const deps = { ...pkg.dependencies, ...pkg.devDependencies }
  if (deps['better-auth']) return 'Better Auth'
  const nextAuth = deps['next-auth']
  if (nextAuth?.match(/^\D*4\./)) return 'next-auth v4 (NextAuth.js)'
  if (nextAuth?.match(/^\D*5\./)) return 'Auth.js v5 (next-auth 5)'
  return 'its own auth library'
}

/** The README's first fenced block of shell commands, without comments; the contract's two commands otherwise. */
function commands(readme) {
  for (const block of readme.matchAll(/```(?:bash|sh|shell|console)?\n([\s\S]*?)```/g)) {
    const lines = block[1]
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter((l) => /^npm /.test(l))
    if (lines.length > 0) return lines
  }
  return ['npm install && npm run dev', 'npm test']
}

/**
 * @returns {{ name: string, title: string, library: string, summary: string, commands: string[], files: string[] }[]}
 */
export function starterCatalog(dir = STARTERS) {
  const names = starterNames(dir)
  // A site whose starters/ folder is missing would list none and say nothing: refuse instead.
  if (names.length === 0) throw new Error(`No starter found under ${dir} (a folder with a package.json): the Starters page would be empty.`)
  return names.map((name) => {
    const root = join(dir, name)
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    const readme = existsSync(join(root, 'README.md')) ? readFileSync(join(root, 'README.md'), 'utf8') : ''
    const title = readme.match(/^#\s+(.+)$/m)?.[1].trim() ?? name
    return {
      name,
      title,
      library: library(pkg),
      summary: pkg.description ?? '',
      commands: commands(readme),
      files: starterFiles(root),
    }
  })
}

// Text a reader reads: not images, not the lockfile (hundreds of kB of hashes; it is in the zip).
const BROWSABLE = /(^|\/)(?!package-lock\.json$)[^/]+\.(ts|tsx|mjs|js|json|md|css|sql|sh|example)$|(^|\/)\.(gitignore|env\.example)$/

/** A starter's files as the Starters page lists them for browsing. */
export const browsableFiles = (files) => files.filter((f) => BROWSABLE.test(f))

/** Every starter file the site shows at /source/starters/<name>/<file>. */
export function starterSourcePaths() {
  return starterCatalog().flatMap((s) => browsableFiles(s.files).map((f) => `starters/${s.name}/${f}`))
}
