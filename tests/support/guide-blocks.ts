// The fenced code blocks of the site's pages, as MDX source holds them: language, meta (line highlights such as
// {3-5}, remark-code-import's file=<rootDir>/path#L10-L30) and inline body. Read by the tests that hold the pages'
// code to the files it is imported from (guide-snippets) and its highlights to what they should mark (code-highlights).
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../..')
const FENCE = /^(`{3,})([\w-]*)([^\n]*)\n([\s\S]*?)^\1\s*$/gm

export interface Block { page: string; lang: string; meta: string; body: string; file?: string; from?: number; to?: number }

export function blocks(): Block[] {
  const pages = (readdirSync(join(ROOT, 'pages'), { recursive: true }) as string[]).filter((f) => f.endsWith('.mdx')).map((f) => join('pages', f))
  return pages.flatMap((page) =>
    [...readFileSync(join(ROOT, page), 'utf8').matchAll(FENCE)].map(([, , lang, meta, body]) => {
      // remark-code-import's syntax: file=<rootDir>/path[#L10[-L30]]
      const m = /file=<rootDir>\/([^\s#]+)(?:#L(\d+)(?:-L(\d+))?)?/.exec(meta)
      const from = m?.[2] ? Number(m[2]) : undefined
      return { page, lang, meta, body, file: m?.[1], from, to: m?.[3] ? Number(m[3]) : from }
    }),
  )
}

/** The lines a block shows: its imported file (or the range of it), else its own body. */
export function shownLines(block: Block): string[] {
  if (!block.file) return block.body.replace(/\n$/, '').split('\n')
  const all = readFileSync(join(ROOT, block.file), 'utf8').replace(/\n$/, '').split('\n')
  return block.from ? all.slice(block.from - 1, block.to) : all
}
