// `<ClaimList />` in an MDX page becomes, at build time, the guide's claims (mdx/claims-catalog.mjs): one section
// per chapter in reading order, one item per claim id with its anchor (<Claim>'s ✓ links to /guide/claims#<id>),
// the version(s) its test runs against, the sentence as the chapter words it, and a link to the test (served
// under /source: components/TestLink/linked-files.mjs lists the claim test files). Plain Markdown and a TestLink
// by the time Nextra indexes the page, so search finds a claim by its words.
import { visit, SKIP } from 'unist-util-visit'
import { chapters, pageClaims, testClaims } from './claims-catalog.mjs'

const text = (value) => ({ type: 'text', value })
const attr = (name, value) => ({ type: 'mdxJsxAttribute', name, value })
const jsxText = (name, attributes, children = []) => ({ type: 'mdxJsxTextElement', name, attributes, children, data: {} })
const link = (url, ...children) => ({ type: 'link', url, children })

/** The sentence's MDX source as inline nodes: `code` spans kept, emphasis markers and link targets dropped. */
function sentence(source) {
  const plain = source.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__/g, '')
  return plain.split(/(`[^`]*`)/).filter(Boolean).map((part) => (part.startsWith('`') ? { type: 'inlineCode', value: part.slice(1, -1) } : text(part)))
}

function item(id, uses, tests, titleOf) {
  const [first] = uses
  // Other chapters that state it too, once each (a chapter may state it more than once).
  const others = [...new Set(uses.map((u) => u.route))].filter((route) => route !== first.route).map((route) => ({ route }))
  const children = [
    jsxText('span', [attr('id', id)]),
    { type: 'strong', children: [text(tests.length ? tests.flatMap((t) => t.versions).join(', ') : 'untested')] },
    text(' “'),
    ...sentence(first.text),
    text('” '),
    { type: 'inlineCode', value: id },
  ]
  if (others.length) {
    children.push(text('; also in '))
    others.forEach((o, i) => children.push(...(i ? [text(', ')] : []), link(o.route, text(titleOf(o.route)))))
  }
  tests.forEach((t, i) =>
    children.push(text(i ? '; ' : tests.length > 1 ? '. Tests: ' : '. Test: '), jsxText('TestLink', [attr('path', t.file)]), text(` (line ${t.line})`)),
  )
  children.push(text('.'))
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] }
}

/** The claims, grouped by the chapter of each id's first use, chapters in reading order. */
export function claimSections(root = process.cwd()) {
  const order = chapters(root)
  const titleOf = (route) => order.find((c) => c.route === route)?.title ?? route
  const rank = (route) => {
    const i = order.findIndex((c) => c.route === route)
    return i < 0 ? order.length : i
  }
  const uses = new Map()
  for (const p of pageClaims(root)
    .filter((p) => p.id)
    .sort((a, b) => rank(a.route) - rank(b.route) || a.line - b.line)) {
    uses.set(p.id, [...(uses.get(p.id) ?? []), p])
  }
  const tests = new Map()
  for (const t of testClaims(root)) tests.set(t.id, [...(tests.get(t.id) ?? []), t])
  const routes = [...new Set([...uses.values()].map((u) => u[0].route))]
  return routes.map((route) => ({
    route,
    title: titleOf(route),
    items: [...uses].filter(([, u]) => u[0].route === route).map(([id, u]) => item(id, u, tests.get(id) ?? [], titleOf)),
  }))
}

export default function claimList() {
  return (tree) => {
    visit(tree, 'mdxJsxFlowElement', (node, index, parent) => {
      if (node.name !== 'ClaimList' || !parent) return
      const sections = claimSections()
      const count = sections.reduce((n, s) => n + s.items.length, 0)
      const nodes = [
        { type: 'paragraph', children: [text(`${count} claims in ${sections.length} chapters, each tested against the real library.`)] },
        ...sections.flatMap((s) => [
          { type: 'heading', depth: 2, children: [link(s.route, text(s.title))] },
          { type: 'list', ordered: false, spread: false, children: s.items },
        ]),
      ]
      parent.children.splice(index, 1, ...nodes)
      return [SKIP, index + nodes.length]
    })
  }
}
