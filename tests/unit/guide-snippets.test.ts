// Every TS/JS block on a page is a file in content/ or in a starter (starters/<name>/, which the contract suite
// installs, tests and drives assembled), and every file in content/ is shown on a page and run by a test.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { starterFiles, starterNames } from '../../scripts/starters/zip.mjs'
import { blocks } from '../support/guide-blocks'

const ROOT = resolve(__dirname, '../..')
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')
const files = (dir: string, ext: RegExp) =>
  (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).map((f) => join(dir, f)).filter((f) => ext.test(f))

const CODE_LANGS = /^(ts|tsx|js|jsx|mjs|cjs|typescript|javascript)$/
// The starters the contract suite runs (tests/starters/contract.test.ts iterates starterNames()), and the
// files each one ships in its zip: a page may show only those.
const starterShipped = new Set(
  starterNames().flatMap((name: string) =>
    (starterFiles(join(ROOT, 'starters', name)) as string[]).map((f) => join('starters', name, f)),
  ),
)
const fromStarter = (file?: string) => !!file && starterShipped.has(file)

const contentFiles = files('content', /\.(ts|tsx|sh)$/)
const testFiles = [...files('tests', /\.ts$/), ...files('e2e', /\.ts$/)].filter((f) => !f.endsWith('guide-snippets.test.ts'))
const componentFiles = files('components', /\.tsx?$/)

/** The file a module specifier names, as the bundler resolves it (`@/` alias, relative paths, `?raw`, extensions). */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const bare = specifier.replace(/\?.*$/, '')
  const base = bare.startsWith('@/') ? bare.slice(2) : bare.startsWith('.') ? join(dirname(from), bare) : undefined
  if (base === undefined) return undefined
  return [base, `${base}.ts`, `${base}.tsx`, `${base}.d.ts`, join(base, 'index.ts')].find((f) => existsSync(join(ROOT, f)))
}

/**
 * What a source really loads: its imports (static and dynamic) and `/// <reference path>`s, read by TypeScript's own
 * pre-processor (comments and strings that only look like paths do not count), plus the shell scripts it runs: a
 * `'<name>.sh'` string literal in a file that resolves the folder holding it (`resolve(__dirname, '<dir>', …)`).
 */
function loads(file: string): string[] {
  const source = read(file)
  const info = ts.preProcessFile(source, true, true)
  const found = [...info.importedFiles, ...info.referencedFiles].flatMap(({ fileName }) => resolveSpecifier(file, fileName) ?? [])
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest)
  const literals: string[] = []
  const dirs: string[] = []
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node)) literals.push(node.text)
    if (ts.isCallExpression(node) && node.expression.getText(tree) === 'resolve' && node.arguments[0]?.getText(tree) === '__dirname') {
      const dir = node.arguments[1]
      if (dir && ts.isStringLiteral(dir)) dirs.push(relative(ROOT, resolve(ROOT, dirname(file), dir.text)))
    }
    ts.forEachChild(node, visit)
  }
  visit(tree)
  for (const dir of dirs) for (const name of literals.filter((l) => l.endsWith('.sh'))) found.push(join(dir, name))
  return found.filter((f) => existsSync(join(ROOT, f)))
}

/** Everything `entries` load, and what those content files load in turn. */
function closure(entries: string[]): Set<string> {
  const reached = new Set(entries.flatMap(loads))
  for (const file of reached) if (file.startsWith('content/')) for (const next of loads(file)) reached.add(next)
  return reached
}

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
  const shownByComponents = closure(componentFiles)
  const runByTests = closure(testFiles)

  it('finds what the tests and components load (the resolution works)', () => {
    expect(runByTests.has('content/shared/users.ts')).toBe(true)
    expect(runByTests.has('content/attack/naive-provider.sh')).toBe(true)
    expect(shownByComponents.has('content/lab/ticket/auth.ts')).toBe(true)
  })

  // The live demo runs some content/ files in production (demo/reissue-session.ts imports the v4 helper).
  const runByDemo = closure(files('demo', /\.tsx?$/))

  it.each(contentFiles)('%s is shown on a page or run by the live demo', (file) => {
    expect(shownOnPages.has(file) || shownByComponents.has(file) || runByDemo.has(file)).toBe(true)
  })

  it.each(contentFiles)('%s is run or compiled by a test', (file) => {
    expect(runByTests.has(file)).toBe(true)
  })
})
