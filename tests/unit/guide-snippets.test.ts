// Every TS/JS block on a page is a file in content/ or in a starter (starters/<name>/, which the contract suite
// installs, tests and drives assembled), and every file in content/ is shown on a page and run by a test.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { starterFiles, starterNames } from '../../scripts/starters/zip.mjs'

const ROOT = resolve(__dirname, '../..')
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')
const files = (dir: string, ext: RegExp) =>
  (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).map((f) => join(dir, f)).filter((f) => ext.test(f))

const CODE_LANGS = /^(ts|tsx|js|jsx|mjs|cjs|typescript|javascript)$/
const FENCE = /^(`{3,})([\w-]*)([^\n]*)\n([\s\S]*?)^\1\s*$/gm

interface Block { page: string; lang: string; meta: string; body: string; file?: string; from?: number; to?: number }

function blocks(): Block[] {
  return files('pages', /\.mdx$/).flatMap((page) =>
    [...read(page).matchAll(FENCE)].map(([, , lang, meta, body]) => {
      // remark-code-import's syntax: file=<rootDir>/path[#L10[-L30]]
      const m = /file=<rootDir>\/([^\s#]+)(?:#L(\d+)(?:-L(\d+))?)?/.exec(meta)
      const from = m?.[2] ? Number(m[2]) : undefined
      return { page, lang, meta, body, file: m?.[1], from, to: m?.[3] ? Number(m[3]) : from }
    }),
  )
}

// The starters the contract suite runs (tests/starters/contract.test.ts iterates starterNames()), and the
// files each one ships in its zip: a page may show only those.
const starterShipped = new Set(
  starterNames().flatMap((name: string) =>
    (starterFiles(join(ROOT, 'starters', name)) as string[]).map((f) => join('starters', name, f)),
  ),
)
const fromStarter = (file?: string) => !!file && starterShipped.has(file)

const contentFiles = files('content', /\.(ts|tsx|sh)$/)
const testSources = [...files('tests', /\.ts$/), ...files('e2e', /\.ts$/)]
  .filter((f) => !f.endsWith('guide-snippets.test.ts'))
  .map((f) => read(f))
const componentSources = files('components', /\.tsx?$/).map((f) => read(f))
// The live demo runs some content/ files in production (demo/reissue-session.ts imports the v4 helper).
const demoSources = files('demo', /\.tsx?$/).map((f) => read(f))

describe('the guide’s code blocks', () => {
  it('finds the blocks it checks', () => {
    expect(blocks().filter((b) => b.file).length).toBeGreaterThan(15)
  })

  it('every TypeScript or JavaScript block is imported from a file in content/ or a file a starter ships', () => {
    const inline = blocks().filter(
      (b) => CODE_LANGS.test(b.lang) && !(b.file?.startsWith('content/') && existsSync(join(ROOT, b.file))) && !fromStarter(b.file),
    )
    expect(inline.map((b) => `${b.page}: \`\`\`${b.lang}${b.meta}`)).toEqual([])
  })

  it('shows the starters’ code, with a download link on every page that does', () => {
    const shown = blocks().filter((b) => fromStarter(b.file))
    expect(shown.length).toBeGreaterThan(5)
    for (const page of new Set(shown.map((b) => b.page))) {
      const name = shown.find((b) => b.page === page)!.file!.split('/')[1]
      expect(read(page), `${page} shows starters/${name} code`).toMatch(new RegExp(`<StarterDownload[^>]*name="${name}"`))
    }
  })

  it('imported blocks name a file that exists, stay empty on the page, and highlight lines that exist', () => {
    for (const block of blocks().filter((b) => b.file)) {
      const where = `${block.page} → ${block.file}`
      expect(existsSync(join(ROOT, block.file!)), where).toBe(true)
      expect(block.body.trim(), where).toBe('')
      expect(block.meta, where).toMatch(/filename="[^"]+"/)
      const lines = read(block.file!).split('\n').length
      if (block.from !== undefined) {
        expect(block.from, `${where} starts inside the file`).toBeGreaterThanOrEqual(1)
        expect(block.to!, `${where} ends inside the file`).toBeLessThanOrEqual(lines)
        expect(block.to!, `${where} is a range`).toBeGreaterThanOrEqual(block.from)
      }
      const shownLines = block.from !== undefined ? block.to! - block.from + 1 : lines
      for (const range of /\{([\d,-]+)\}/.exec(block.meta)?.[1].split(',') ?? []) {
        for (const n of range.split('-').map(Number)) expect(n, `${where} highlights line ${n}`).toBeLessThanOrEqual(shownLines)
      }
    }
  })
})

describe('every file in content/', () => {
  const shownOnPages = new Set(blocks().flatMap((b) => (b.file ? [b.file] : [])))
  // Imported as `@/content/…`, referenced by path, or run by name from its folder (the attack scripts).
  const mentions = (sources: string[], file: string) => {
    const bare = file.replace(/\.(d\.ts|ts|tsx)$/, '')
    return sources.some(
      (s) => s.includes(`@/${bare}'`) || s.includes(file) || (s.includes(dirname(file)) && s.includes(`'${basename(file)}'`)),
    )
  }

  it.each(contentFiles)('%s is shown on a page or run by the live demo', (file) => {
    expect(shownOnPages.has(file) || mentions(componentSources, file) || mentions(demoSources, file)).toBe(true)
  })

  // What tests import directly, and what those snippets import in turn.
  const run = new Set(contentFiles.filter((file) => mentions(testSources, file)))
  for (const file of run) {
    for (const [, spec] of read(file).matchAll(/from '(\.\.?\/[^']+)'/g)) {
      const target = contentFiles.find((f) => f.replace(/\.tsx?$/, '') === join(dirname(file), spec))
      if (target) run.add(target)
    }
  }

  it.each(contentFiles)('%s is run or compiled by a test', (file) => {
    expect(run.has(file)).toBe(true)
  })
})
