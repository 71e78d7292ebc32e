// Build-time only: the files the guide links with <TestLink path="…" />, found in the pages themselves. The site
// serves exactly those at /source/<path> (pages/source/[...path].mdx), and a change to one of them makes the build
// stale (scripts/build-stamp.mjs). Plain ESM, so that the npm scripts can use it without a TypeScript loader.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { claimTestFiles } from '../../mdx/claims-catalog.mjs'

const LINK = /<TestLink\s+path="([^"]+)"/g
// bench/results/: a benchmark's output as it printed it, where a page quotes its figures.
const SHOWABLE = /^(tests|e2e|content|bench\/results)\/[\w./-]+$/

/** @param {string} [root] @returns {string[]} */
export function linkedFiles(root = process.cwd()) {
  const found = new Set()
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.mdx')) for (const m of readFileSync(full, 'utf8').matchAll(LINK)) found.add(m[1])
    }
  }
  if (existsSync(join(root, 'pages'))) walk(join(root, 'pages'))
  // /guide/claims links every claim's test (mdx/claim-list.mjs builds those links at build time, out of this scan).
  for (const file of claimTestFiles(root)) found.add(file)
  return [...found].filter((p) => SHOWABLE.test(p) && !p.includes('..') && existsSync(join(root, p))).sort()
}
