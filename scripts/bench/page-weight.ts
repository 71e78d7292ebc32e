// First-load JavaScript of every route of the production build, gzip-compressed as a browser receives it:
// the _app chunks plus the route's own, from .next/build-manifest.json (polyfills are nomodule: not counted).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface RouteWeight {
  route: string
  /** An MDX page of the site (the candidates for "lightest page"), not a Next.js internal or the bench harness. */
  sitePage: boolean
  files: string[]
  gzipBytes: number
  /** Heavy libraries found in this route's first-load chunks (see HEAVY). */
  heavy: string[]
}

// Strings that survive minification in each library's bundle. A heuristic: it reports, it does not prove.
const HEAVY: Record<string, RegExp> = {
  Sandpack: /sandpack|codesandbox/i,
  '@auth/core': /authjs\.dev|@auth\/core/,
  'lab worker': /new Worker\(/,
}

const gzipCache = new Map<string, number>()
function gzipSize(file: string): number {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(file), { level: 9 }).length)
  return gzipCache.get(file)!
}

function isSitePage(route: string): boolean {
  const base = route === '/' ? 'pages/index' : `pages${route}`
  return [`${base}.mdx`, `${base}/index.mdx`].some((file) => existsSync(file))
}

export function routeWeights(nextDir = '.next'): RouteWeight[] {
  const manifest = JSON.parse(readFileSync(join(nextDir, 'build-manifest.json'), 'utf8')) as { pages: Record<string, string[]> }
  const app = manifest.pages['/_app'] ?? []
  return Object.keys(manifest.pages)
    .filter((route) => route !== '/_app')
    .map((route) => {
      const files = [...new Set([...app, ...manifest.pages[route]])].filter((f) => f.endsWith('.js'))
      const paths = files.map((f) => join(nextDir, f))
      const heavy = Object.keys(HEAVY).filter((name) => paths.some((p) => HEAVY[name].test(readFileSync(p, 'utf8'))))
      return { route, sitePage: isSitePage(route), files, gzipBytes: paths.reduce((n, p) => n + gzipSize(p), 0), heavy }
    })
    .sort((a, b) => a.gzipBytes - b.gzipBytes)
}
