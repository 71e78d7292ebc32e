import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// Build-time only (getStaticPaths): the files the guide links with <TestLink path="…" />, found in the pages
// themselves, so the site serves exactly those and nothing else of its source.
const LINK = /<TestLink\s+path="([^"]+)"/g

export function linkedFiles(root = process.cwd()): string[] {
  const found = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.mdx')) for (const m of readFileSync(full, 'utf8').matchAll(LINK)) found.add(m[1])
    }
  }
  walk(join(root, 'pages'))
  return [...found].filter((p) => /^(tests|e2e|content)\/[\w./-]+$/.test(p) && !p.includes('..')).sort()
}
