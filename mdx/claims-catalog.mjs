// The guide's claims ledger (issue 23), read from the tree: the sentences the pages wrap in <Claim id="…"> and the
// tests that name those ids with claim('…', [versions], …) under tests/claims/. Used by the ledger test
// (tests/claims/ledger.test.ts), by /guide/claims (mdx/claim-list.mjs) and by the files /source serves
// (components/TestLink/linked-files.mjs). Plain ESM and regular expressions, so the build needs no TypeScript loader.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

const CLAIM_TAG = /<Claim\b([^>]*)>([\s\S]*?)<\/Claim>/g
const ID_ATTR = /\bid="([^"]*)"/
const CLAIM_CALL = /\bclaim\(\s*'([^']*)'\s*,\s*\[([^\]]*)\]/g

/** @param {string} dir @param {(name: string) => boolean} keep @returns {string[]} */
function walk(dir, keep) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'node_modules' ? [] : walk(join(dir, e.name), keep)) : keep(e.name) ? [join(dir, e.name)] : [],
  )
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length

/**
 * Every <Claim> in pages/**\/*.mdx, in file order: its id (null when the tag has none), the page's route, the
 * sentence as written (MDX source, one line) and its line.
 * @param {string} [root]
 * @returns {{ id: string | null, page: string, route: string, text: string, line: number }[]}
 */
export function pageClaims(root = process.cwd()) {
  return walk(join(root, 'pages'), (n) => n.endsWith('.mdx')).flatMap((file) => {
    const source = readFileSync(file, 'utf8')
    const page = relative(root, file)
    const route = '/' + relative(join(root, 'pages'), file).replace(/\.mdx$/, '').replace(/(^|\/)index$/, '')
    return [...source.matchAll(CLAIM_TAG)].map((m) => ({
      id: ID_ATTR.exec(m[1])?.[1] ?? null,
      page,
      route,
      text: m[2].replace(/\s+/g, ' ').trim(),
      line: lineOf(source, m.index),
    }))
  })
}

/**
 * Every claim('id', [versions], …) in tests/claims/**\/*.test.ts: id, versions, file (from the root) and line.
 * @param {string} [root]
 * @returns {{ id: string, versions: string[], file: string, line: number }[]}
 */
export function testClaims(root = process.cwd()) {
  return walk(join(root, 'tests', 'claims'), (n) => n.endsWith('.test.ts')).flatMap((file) => {
    const source = readFileSync(file, 'utf8')
    return [...source.matchAll(CLAIM_CALL)].map((m) => ({
      id: m[1],
      versions: [...m[2].matchAll(/'([^']+)'/g)].map((v) => v[1]),
      file: relative(root, file),
      line: lineOf(source, m.index),
    }))
  })
}

/** The test files that hold claims: /source serves them, so /guide/claims can link each one. */
export function claimTestFiles(root = process.cwd()) {
  return [...new Set(testClaims(root).map((t) => t.file))].sort()
}

/**
 * The guide's chapters in reading order (pages/guide/_meta.ts), route and title: the claims page groups by them.
 * @param {string} [root]
 * @returns {{ route: string, title: string }[]}
 */
export function chapters(root = process.cwd()) {
  const meta = readFileSync(join(root, 'pages', 'guide', '_meta.ts'), 'utf8')
  return [...meta.matchAll(/^\s+'?([\w-]+)'?:\s*'([^']+)',?\s*$/gm)].map((m) => ({ route: `/guide/${m[1]}`, title: m[2] }))
}
