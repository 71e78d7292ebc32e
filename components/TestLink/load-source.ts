import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { codeToHtml } from 'shiki'
import { starterSourcePaths } from '../../scripts/starters/catalog.mjs'
import { linkedFiles } from './linked-files.mjs'

// Shiki's language for each kind of file the site shows; anything else as plain text.
const LANGS: Record<string, string> = { sh: 'bash', ts: 'ts', tsx: 'tsx', mjs: 'js', js: 'js', json: 'json', md: 'md', css: 'css', sql: 'sql' }

/** Build time only: the file, highlighted by Shiki (the same themes as the guide's code blocks). */
export async function loadSource(path: string): Promise<{ path: string; html: string; starter: string | null } | null> {
  const starter = path.match(/^starters\/([^/]+)\//)?.[1] ?? null
  if (!(starter ? starterSourcePaths() : linkedFiles()).includes(path)) return null
  const code = readFileSync(join(process.cwd(), path), 'utf8')
  const html = await codeToHtml(code, {
    lang: LANGS[path.split('.').pop() ?? ''] ?? 'text',
    themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
  })
  return { path, html, starter }
}
