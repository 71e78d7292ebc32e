// Code blocks as page data, not page code.
//
// Nextra highlights every code block into JSX: one `jsx(span, { style })` call per token, compiled into the page's
// JavaScript. On the chapters that show whole starter files that was half their first-load JS (hardening: 10 of
// 19.5 KiB gzip) and thousands of elements for React to hydrate. This plugin highlights each block exactly as Nextra
// would (same rehype-pretty-code options, same Shiki themes), keeps the result as an HTML string, and exports it
// from the page's `getStaticProps`: Next.js serves it as the page's JSON data (fetched on client-side navigation)
// and drops it from the client bundle. `components/StaticCode` renders it into Nextra's own `Pre` (filename header,
// icon, copy and word-wrap buttons), so the page looks and copies the same. On a first load the blocks are in the
// server-rendered HTML only: pages/_document.tsx leaves them out of the inlined __NEXT_DATA__, and StaticCode reads
// them back from the DOM (components/StaticCode/page-data.ts says why).
//
// It runs first among the rehype plugins (Nextra's own highlighter runs later and finds no `pre` left to do).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'acorn'
import { toHtml } from 'hast-util-to-html'
import rehypePrettyCode from 'rehype-pretty-code'
import { bundledLanguages, getHighlighter } from 'shiki'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

const FILENAME = /filename="([^"]+)"/

/** Nextra 3.3's options (`nextra/dist/server/rehype-plugins/rehype.js`, DEFAULT_REHYPE_PRETTY_CODE_OPTIONS) plus the site's. */
function prettyCodeOptions(theme) {
  return {
    keepBackground: false,
    grid: false,
    theme,
    defaultLang: { block: 'plaintext' },
    onVisitLine(node) {
      if (node.children.length === 0) node.children.push({ type: 'text', value: ' ' })
      delete node.properties['data-line']
    },
    getHighlighter: (options) => getHighlighter({ ...options, langs: Object.keys(bundledLanguages) }),
    filterMetaString: (meta) => meta.replace(FILENAME, ''),
  }
}

/** What Nextra's `rehypeParseCodeMeta` reads from a block's meta string, as the props its `Pre` takes. */
function metaProps(meta, defaultShowCopyCode) {
  const props = {}
  const filename = meta.match(FILENAME)?.[1]
  if (filename) props['data-filename'] = filename
  if (!meta.includes('word-wrap=false')) props['data-word-wrap'] = ''
  const copy = meta ? (defaultShowCopyCode && !/( |^)copy=false($| )/.test(meta)) || /( |^)copy($| )/.test(meta) : defaultShowCopyCode
  if (copy) props['data-copy'] = ''
  return props
}

const attribute = (name, value) => ({ type: 'mdxJsxAttribute', name, value: String(value) })
const esm = (code) => ({ type: 'mdxjsEsm', value: '', data: { estree: parse(code, { ecmaVersion: 'latest', sourceType: 'module' }) } })

/**
 * @typedef {{ file: string, lang: string, attribute: string }} Embed  a file to highlight into the page's data, and
 *   the attribute of the component that receives its id
 * @param {{ theme: object, rootDir: string, defaultShowCopyCode?: boolean, component?: string, importFrom?: string,
 *   embeds?: Record<string, (attributes: Record<string, string>) => Embed> }} options  `embeds`: components that show
 *   a file's code of their own (the token lab's placeholder), by component name
 */
export default function codeAsPageData({ theme, rootDir, defaultShowCopyCode = true, component = 'StaticCode', importFrom = '@/components/StaticCode', embeds = {} }) {
  const highlighter = unified().use(rehypePrettyCode, prettyCodeOptions(theme))
  const highlight = async (pre) => {
    const root = await highlighter.run({ type: 'root', children: [structuredClone({ ...pre, position: undefined })] })
    // rehype-pretty-code wraps the block: figure > pre > code > one span per line.
    let highlighted
    visit(root, { type: 'element', tagName: 'pre' }, (node) => {
      highlighted ??= node
    })
    return { html: toHtml(highlighted.children[0].children), language: highlighted.properties['data-language'] }
  }

  return async (tree) => {
    const blocks = []
    visit(tree, { type: 'element', tagName: 'pre' }, (pre, index, parent) => {
      const [code] = pre.children
      if (code?.type !== 'element' || code.tagName !== 'code' || pre.children.length !== 1) return
      blocks.push({ pre, code, index, parent })
    })
    const embedded = []
    visit(tree, 'mdxJsxFlowElement', (node) => {
      if (node.name in embeds) embedded.push(node)
    })
    if (blocks.length === 0 && embedded.length === 0) return

    const html = {}
    let n = 0
    for (const { pre, code, index, parent } of blocks) {
      const meta = code.data?.meta ?? ''
      const id = `code-${n++}`
      const { html: highlighted, language } = await highlight(pre)
      html[id] = highlighted
      const props = { id, tabIndex: 0, 'data-language': language, ...metaProps(meta, defaultShowCopyCode) }
      parent.children[index] = {
        type: 'mdxJsxFlowElement',
        name: component,
        attributes: Object.entries(props).filter(([, value]) => value !== undefined).map(([name, value]) => attribute(name, value)),
        children: [],
        position: pre.position,
      }
    }

    for (const node of embedded) {
      const literal = Object.fromEntries(node.attributes.filter((a) => typeof a.value === 'string').map((a) => [a.name, a.value]))
      const { file, lang, attribute: name } = embeds[node.name](literal)
      const value = readFileSync(join(rootDir, file), 'utf8').replace(/\n$/, '')
      const id = `code-${n++}`
      html[id] = (await highlight({ type: 'element', tagName: 'pre', properties: {}, children: [{ type: 'element', tagName: 'code', properties: { className: [`language-${lang}`] }, children: [{ type: 'text', value }] }] })).html
      node.attributes.push(attribute(name, id))
    }

    for (const node of tree.children) {
      const exported = node.type === 'mdxjsEsm' && node.data?.estree?.body?.some((s) => s.type === 'ExportNamedDeclaration' && /getStaticProps/.test(JSON.stringify(s)))
      if (exported) throw new Error('code-as-page-data: this page exports its own getStaticProps; merge it with the code blocks (props.staticCode)')
    }
    tree.children.unshift(
      esm(`import { ${component} } from ${JSON.stringify(importFrom)}`),
      // Next.js removes getStaticProps, and the strings only it uses, from the browser's bundle.
      esm(`export const getStaticProps = () => (${JSON.stringify({ props: { staticCode: html } })})`),
    )
  }
}
