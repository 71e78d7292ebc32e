// `<StarterList />` in an MDX page becomes, at build time, one section per starter under starters/ (title, library,
// summary, its two commands, the download, its files to browse); `<StarterList compact />` one download line per
// starter. It is plain Markdown by the time Nextra indexes the page for search, so a reader searching "starter",
// "zip" or a library's name finds it, and a starter added to the tree is listed with the next build.
import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'acorn'
import { visit, SKIP } from 'unist-util-visit'
import { browsableFiles, starterCatalog } from '../scripts/starters/catalog.mjs'
import { DOWNLOADS_DIR } from '../scripts/starters/zip.mjs'

const text = (value) => ({ type: 'text', value })
const inlineCode = (value) => ({ type: 'inlineCode', value })
const strong = (...children) => ({ type: 'strong', children })
const link = (url, ...children) => ({ type: 'link', url, children })
const paragraph = (...children) => ({ type: 'paragraph', children })
const attr = (name, value) => ({ type: 'mdxJsxAttribute', name, value })
// `data: {}`: Nextra's own plugins read it (remark-mdx-disable-explicit-jsx), as on a parsed element.
const jsx = (name, attributes, children = []) => ({ type: 'mdxJsxFlowElement', name, attributes, children, data: {} })
const esm = (code) => ({ type: 'mdxjsEsm', value: code, data: { estree: parse(code, { ecmaVersion: 'latest', sourceType: 'module' }) } })

// A starter's own two commands as its README gives them (scripts/starters/catalog.mjs `commands`), a JSON array:
// MDX folds a newline in an attribute's string into a space.
const commandsAttr = (s) => attr('commands', JSON.stringify(s.commands))

/**
 * The zip's size in bytes, as an attribute: `npm run build` zips the starters before Next compiles a page
 * (scripts/serve.mjs), so the page says it without a HEAD request per download on load (issue 26). No zip (a bare
 * `next dev`): no size shown.
 */
function sizeAttrs(name, downloadsDir) {
  const zip = join(downloadsDir, `${name}.zip`)
  return existsSync(zip) ? [attr('bytes', String(statSync(zip).size))] : []
}

function download(s, downloadsDir) {
  return jsx('StarterDownload', [attr('name', s.name), attr('title', s.library), commandsAttr(s), ...sizeAttrs(s.name, downloadsDir)])
}

function section(s, downloadsDir) {
  const files = browsableFiles(s.files)
  return [
    // The anchor /source/starters/<name>/… links back to.
    jsx('span', [attr('id', s.name)]),
    { type: 'heading', depth: 2, children: [text(s.title)] },
    paragraph(strong(text('Library:')), text(` ${s.library}. `), text(s.summary)),
    paragraph(text('Its two commands, in the unzipped folder '), inlineCode(`${s.name}/`), text(':')),
    { type: 'code', lang: 'bash', meta: null, value: s.commands.join('\n') },
    download(s, downloadsDir),
    // Nextra draws details/summary as its own collapsible; the list inside is a component, out of the search index.
    jsx('details', [], [
      jsx('summary', [], [text(`Browse its ${files.length} files`)]),
      jsx('StarterFiles', [attr('name', s.name), attr('files', files.join('|'))]),
    ]),
  ]
}

/**
 * A `<StarterDownload name="x" />` a chapter writes by hand gets the commands of starter x's README too, so no page
 * tells a reader `npm install` where the starter's README says `npm ci`, and its zip's size. A name with no starter
 * fails the build.
 */
function addCommands(tree, catalog, downloadsDir) {
  visit(tree, 'mdxJsxFlowElement', (node) => {
    if (node.name !== 'StarterDownload' || node.attributes.some((a) => a.name === 'commands')) return
    const name = node.attributes.find((a) => a.name === 'name')?.value
    const starter = catalog().find((s) => s.name === name)
    if (!starter) throw new Error(`<StarterDownload name="${name}">: no starter of that name under starters/`)
    node.attributes.push(commandsAttr(starter), ...sizeAttrs(name, downloadsDir))
  })
}

/**
 * @param {{ dir?: string, downloadsDir?: string }} [options] the starters folder and the zips' (tests point them at
 *   copies)
 */
export default function starterList(options = {}) {
  const downloadsDir = options.downloadsDir ?? DOWNLOADS_DIR
  return (tree) => {
    let read
    const catalog = () => (read ??= starterCatalog(options.dir))
    let used = false
    visit(tree, 'mdxJsxFlowElement', (node, index, parent) => {
      if (node.name !== 'StarterList' || !parent) return
      used = true
      const compact = node.attributes.some((a) => a.name === 'compact')
      const nodes = compact
        ? [
            paragraph(
              text('Complete starter apps hold the code this guide shows, one per library; '),
              link('/starters', text('the starters page')),
              text(' says what each is and lets you browse its files.'),
            ),
            ...catalog().map((s) => download(s, downloadsDir)),
          ]
        : catalog().flatMap((s) => section(s, downloadsDir))
      parent.children.splice(index, 1, ...nodes)
      return [SKIP, index + nodes.length]
    })
    addCommands(tree, catalog, downloadsDir)
    if (!used) return
    const imports = (name) => tree.children.some((n) => n.type === 'mdxjsEsm' && new RegExp(`\\b${name}\\b`).test(n.value ?? ''))
    if (!imports('StarterDownload')) tree.children.unshift(esm("import { StarterDownload } from '@/components/StarterDownload'"))
    if (!imports('StarterFiles')) tree.children.unshift(esm("import { StarterFiles } from '@/components/StarterFiles'"))
  }
}
