// Each cell of a Markdown table gets its column's header as `data-label`, so that on a phone (styles/global.css) a
// table is drawn stacked, one card per row with each value under its header's name, instead of scrolling sideways
// (issue 23 item 5). The header row stays in the HTML for screen readers.
import { visit } from 'unist-util-visit'

const textOf = (node) => (node.type === 'text' ? node.value : (node.children ?? []).map(textOf).join(''))
const elements = (node, tagName) => (node.children ?? []).filter((c) => c.type === 'element' && c.tagName === tagName)

export default function tableLabels() {
  return (tree) => {
    visit(tree, 'element', (table) => {
      if (table.tagName !== 'table') return
      const headRow = elements(table, 'thead').flatMap((head) => elements(head, 'tr'))[0]
      if (!headRow) return
      const labels = elements(headRow, 'th').map((th) => textOf(th).trim())
      for (const row of elements(table, 'tbody').flatMap((body) => elements(body, 'tr'))) {
        elements(row, 'td').forEach((td, i) => {
          if (labels[i]) td.properties = { ...td.properties, dataLabel: labels[i] }
        })
      }
    })
  }
}
