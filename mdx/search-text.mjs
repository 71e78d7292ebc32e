// Nextra's search index (remark-structurize) joins a section's paragraphs with nothing between them, so the last
// sentence of one and the first of the next run together in the results ("failure.Every"). A space at the end of
// each paragraph keeps the boundary; in the page it is trailing whitespace, which HTML does not show.
import { visit } from 'unist-util-visit'

export default function searchText() {
  return (tree) => {
    visit(tree, 'paragraph', (node) => {
      node.children.push({ type: 'text', value: ' ' })
    })
  }
}
