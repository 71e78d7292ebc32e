// Each page's H1 text, by route, read from pages/ at build time. Nextra's search index leaves H1s out (its
// remark-structurize indexes headings from `##` down) and titles a page by its sidebar name, so a chapter whose H1
// says more ("Beyond next-auth: Better Auth") could not be found by those words. components/Search ranks them as the
// page's title.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

function mdxFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return mdxFiles(path)
    return entry.name.endsWith('.mdx') ? [path] : []
  })
}

/** `# The onboarding gate: \`proxy.ts\`` → "The onboarding gate: proxy.ts" (Markdown marks removed). */
export function headingText(line) {
  return line.replace(/^#\s+/, '').replace(/[`*]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim()
}

/** @param {string} pagesDir @returns {Record<string, string>} route → H1 text */
export function pageHeadings(pagesDir) {
  const headings = {}
  for (const file of mdxFiles(pagesDir)) {
    const h1 = readFileSync(file, 'utf8').split('\n').find((line) => /^#\s/.test(line))
    if (!h1) continue
    const route = `/${relative(pagesDir, file).replace(/\.mdx$/, '')}`.replace(/\/index$/, '') || '/'
    headings[route] = headingText(h1)
  }
  return headings
}
