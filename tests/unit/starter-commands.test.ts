// The commands a download offers are the starter README's own, read at build time (mdx/starter-list.mjs, from
// scripts/starters/catalog.mjs): edit a README's command block and what the pages show changes with it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import starterList from '../../mdx/starter-list.mjs'

type Node = { type: string; name?: string; attributes?: { name: string; value: string }[]; children?: Node[] }

const dir = mkdtempSync(join(tmpdir(), 'starters-'))
const downloadsDir = mkdtempSync(join(tmpdir(), 'downloads-'))
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(downloadsDir, { recursive: true, force: true })
})
for (const name of ['authjs-v5', 'next-auth-v4']) {
  for (const file of ['package.json', 'README.md']) cpSync(join('starters', name, file), join(dir, name, file))
}

const element = (name: string, attributes: Record<string, string> = {}): Node => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: Object.entries(attributes).map(([n, value]) => ({ type: 'mdxJsxAttribute', name: n, value })),
  children: [],
})

/** Each <StarterDownload> of a page once the build's plugin has run: name → its attribute `a`. */
function attributes(children: Node[], a: string) {
  const tree: Node = { type: 'root', children }
  ;(starterList({ dir, downloadsDir }) as (tree: Node) => void)(tree)
  const downloads: Record<string, string | undefined> = {}
  const walk = (n: Node) => {
    if (n.name === 'StarterDownload') {
      const attr = (name: string) => n.attributes!.find((x) => x.name === name)?.value
      downloads[attr('name')!] = attr(a)
    }
    n.children?.forEach(walk)
  }
  walk(tree)
  return downloads
}

/** What each <StarterDownload> of a page holds once the build's plugin has run: name → commands. */
const shown = (children: Node[]) =>
  Object.fromEntries(Object.entries(attributes(children, 'commands')).map(([name, json]): [string, string[]] => [name, JSON.parse(json ?? '')]))

describe('starter downloads show the README commands', () => {
  it("shows each starter's own two commands, not a generic npm install", () => {
    const v5 = shown([element('StarterDownload', { name: 'authjs-v5' })])['authjs-v5']
    expect(v5).toEqual(['npm ci && npm run dev', 'npm ci && npm test'])
    const v4 = shown([element('StarterDownload', { name: 'next-auth-v4' })])['next-auth-v4']
    expect(v4[0]).toBe('npm install && npm run dev')
  })

  it('a changed README changes what a hand-written download and the starters list show', () => {
    const readme = join(dir, 'authjs-v5', 'README.md')
    const original = readFileSync(readme, 'utf8')
    writeFileSync(readme, original.replace('npm ci && npm run dev', 'npm ci && npm run dev -- --port 4000'))
    try {
      expect(shown([element('StarterDownload', { name: 'authjs-v5' })])['authjs-v5'][0]).toBe('npm ci && npm run dev -- --port 4000')
      // <StarterList compact />, as chapter 1 has it: one download per starter, with the same commands.
      const listed = shown([element('StarterList', { compact: '' })])
      expect(Object.keys(listed).sort()).toEqual(['authjs-v5', 'next-auth-v4'])
      expect(listed['authjs-v5'][0]).toBe('npm ci && npm run dev -- --port 4000')
    } finally {
      writeFileSync(readme, original)
    }
  })

  it('a download naming no starter fails the build', () => {
    expect(() => shown([element('StarterDownload', { name: 'no-such-starter' })])).toThrow(/no starter of that name/)
  })
})

describe('starter downloads know their size at build time (no HEAD request on load, issue 26)', () => {
  it("gives each download its zip's size in bytes, hand-written or listed, and none for a starter without a zip", () => {
    writeFileSync(join(downloadsDir, 'authjs-v5.zip'), Buffer.alloc(12_345))
    expect(attributes([element('StarterDownload', { name: 'authjs-v5' })], 'bytes')).toEqual({ 'authjs-v5': '12345' })
    expect(attributes([element('StarterList', { compact: '' })], 'bytes')).toEqual({ 'authjs-v5': '12345', 'next-auth-v4': undefined })
  })
})

