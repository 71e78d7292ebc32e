// Issue 25: one answer to "which should I use?", the same words wherever it is given. The site's pages all render
// components/Recommendation; the next-auth starters' READMEs (read outside the site, in the zip) carry its text.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/** The component's sentence as plain text: JSX tags, braces and entities removed, white space folded. */
function componentText(): string {
  const source = readFileSync('components/Recommendation/index.tsx', 'utf8')
  const jsx = /<p[^>]*>([\s\S]*?)<\/p>/.exec(source)![1]
  return jsx
    .replace(/\{' '\}/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&apos;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:)])/g, '$1')
    .trim()
}
const markdownText = (md: string) => md.replace(/\*\*|`/g, '').replace(/\s+/g, ' ')

describe('the recommendation', () => {
  it('reads the same in each next-auth starter README as on the site', () => {
    const sentence = componentText().replace(/^Recommended: /, '')
    expect(sentence).toMatch(/^re-issue the session in the mutation's own response/)
    for (const readme of ['starters/next-auth-v4/README.md', 'starters/authjs-v5/README.md']) {
      expect(markdownText(readFileSync(readme, 'utf8')), readme).toContain(sentence)
    }
  })
})
