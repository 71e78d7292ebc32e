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

// Code, not prose: the guide's pages quote these libraries' names in text and code blocks, so a name alone proves
// nothing. Each test looks for what only the bundled library itself contains. A heuristic: it reports, it does not prove.
const AUTH_CORE_ERRORS = ['ErrorPageLoop', 'InvalidEndpoints', 'MissingAdapterMethods', 'UntrustedHost', 'DuplicateConditionalUI',
  'MissingWebAuthnAutocomplete', 'WebAuthnVerificationError', 'ExperimentalFeatureNotEnabled', 'CallbackRouteError', 'UnsupportedStrategy']
const HEAVY: Record<string, (code: string) => boolean> = {
  // Sandpack's client builds its bundler's URL from this literal.
  Sandpack: (code) => code.includes('-sandpack.codesandbox.io'),
  // @auth/core's error classes, by their `type` strings: at least half of these ten.
  '@auth/core': (code) => AUTH_CORE_ERRORS.filter((name) => code.includes(`"${name}"`)).length >= 5,
  // What webpack emits for `new Worker(new URL('./worker', import.meta.url))`.
  'lab worker': (code) => /new Worker\(new URL\(\w+\.p\+/.test(code),
  // The lab's engine and Sandpack's editor, by the markers e2e/lab-weight.test.ts watches for at run time.
  'lab engine': (code) => code.includes('lab-sign-in'),
  'CodeMirror editor': (code) => code.includes('cm-editor'),
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
      const code = paths.map((p) => readFileSync(p, 'utf8')).join('\n')
      const heavy = Object.keys(HEAVY).filter((name) => HEAVY[name](code))
      return { route, sitePage: isSitePage(route), files, gzipBytes: paths.reduce((n, p) => n + gzipSize(p), 0), heavy }
    })
    .sort((a, b) => a.gzipBytes - b.gzipBytes)
}
