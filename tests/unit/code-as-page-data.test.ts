// mdx/code-as-page-data.mjs through Nextra's own MDX compiler (nextra/compile, as its webpack loader calls it):
// code blocks leave the page's component for its getStaticProps, highlighted exactly as Nextra would have.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse } from 'acorn'
import { compileMdx } from 'nextra/compile'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import codeAsPageData from '../../mdx/code-as-page-data.mjs'

const ROOT = resolve(__dirname, '../..')
const theme = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const
const plugin = [codeAsPageData, { theme, rootDir: ROOT, embeds: { TokenLab: ({ preset = 'naive' }) => ({ file: `content/lab/${preset}/auth.ts`, lang: 'ts', attribute: 'codeId' }) } }]

const PAGE = `# A page

\`\`\`ts filename="lib/a.ts"
// a comment
export const answer: number = 42
\`\`\`

Text between.

\`\`\`tsx copy=false word-wrap=false
const el = <b className="x">&lt;hi&gt;</b>
\`\`\`

<TokenLab preset="ticket" />
`

async function compile(source: string, withPlugin = true) {
  const { result } = await compileMdx(source, {
    filePath: 'page.mdx',
    mdxOptions: { jsx: true, outputFormat: 'program', rehypePlugins: withPlugin ? [plugin as never] : [], rehypePrettyCodeOptions: { theme } },
  })
  return result as string
}

// The compiled module prints getStaticProps as `export const getStaticProps = () => ({ …JSON… });`.
const STATIC_PROPS = /^export const getStaticProps = \(\) => \((\{[\s\S]*?\n\})\);$/m

/** The object getStaticProps returns: that statement alone parsed (the page's JSX is not JavaScript to acorn). */
function staticProps(code: string): { props: { staticCode: Record<string, string> } } {
  const statement = STATIC_PROPS.exec(code)?.[0]
  if (!statement) throw new Error('no getStaticProps')
  const program = parse(statement, { ecmaVersion: 'latest', sourceType: 'module' }) as any
  const body = program.body[0].declaration.declarations[0].init.body
  return JSON.parse(statement.slice(body.start, body.end))
}

/** The JSX part of the compiled page: everything but getStaticProps. */
const component = (code: string) => code.replace(STATIC_PROPS, '')
const colours = (text: string) => [...text.matchAll(/--shiki-light"?:\s*"?(#[0-9A-Fa-f]{3,8})/g)].map((m) => m[1])
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
/** What the reader sees and copies: the HTML's text, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (_, hex, dec, name) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ENTITIES[name]))

// Shiki loads every bundled grammar and both themes the first time (Nextra's highlighter and the plugin's): seconds
// on a busy machine. Warmed once here, so no single test pays for it.
vi.setConfig({ testTimeout: 60_000 })
beforeAll(async () => {
  await Promise.all([compile(PAGE), compile(PAGE, false)])
}, 180_000)

describe('code blocks as page data', () => {
  it('moves every block out of the component into getStaticProps, highlighted as Nextra highlights it', async () => {
    const code = await compile(PAGE.replace('<TokenLab preset="ticket" />', ''))
    const nextraOwn = await compile(PAGE.replace('<TokenLab preset="ticket" />', ''), false)
    const { staticCode } = staticProps(code).props
    expect(Object.keys(staticCode)).toEqual(['code-0', 'code-1'])
    // Nothing of the highlighted code is left in the component, which Nextra's own pipeline fills with it.
    expect(colours(component(code))).toEqual([])
    expect(colours(nextraOwn).length).toBeGreaterThan(10)
    // The same tokens in the same colours, in the same order: the page looks as before.
    expect(colours(staticCode['code-0'] + staticCode['code-1'])).toEqual(colours(nextraOwn))
    expect(textOf(staticCode['code-0'])).toBe('// a comment\nexport const answer: number = 42')
    expect(textOf(staticCode['code-1'])).toBe('const el = <b className="x">&lt;hi&gt;</b>')
  })

  it("gives each block Nextra's Pre props: filename, copy and word-wrap as the meta says, the language for the icon", async () => {
    const code = await compile(PAGE)
    expect(code).toMatch(/<StaticCode id="code-0" tabIndex="0" data-language="ts" data-filename="lib\/a.ts" data-word-wrap="" data-copy="" \/>/)
    expect(code).toMatch(/<StaticCode id="code-1" tabIndex="0" data-language="tsx" \/>/)
    expect(code).toContain('import {StaticCode} from "@/components/StaticCode"')
  })

  it("hands each token lab its preset's code as page data, by id", async () => {
    const code = await compile(PAGE)
    expect(code).toMatch(/<TokenLab preset="ticket" codeId="code-2" \/>/)
    const html = staticProps(code).props.staticCode['code-2']
    expect(colours(html).length).toBeGreaterThan(10)
    // An empty line is highlighted as one space (Nextra's onVisitLine does the same, so the line keeps its height).
    expect(textOf(html).replace(/^ $/gm, '')).toBe(readFileSync(join(ROOT, 'content/lab/ticket/auth.ts'), 'utf8').replace(/\n$/, ''))
  })

  it('leaves a page without code alone', async () => {
    const code = await compile('# Prose\n\nOnly `inline` code.\n')
    expect(code).not.toContain('getStaticProps')
    expect(code).not.toContain('StaticCode')
  })

  it('refuses a page that has its own getStaticProps (the two would clash), naming the fix', async () => {
    await expect(compile(`export const getStaticProps = () => ({ props: {} })\n\n${PAGE}`)).rejects.toThrow(/its own getStaticProps/)
  })
})
