import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { codeToHtml } from 'shiki'
import { linkedFiles } from './linked-files.mjs'

/** Build time only: the file, highlighted by Shiki (the same themes as the guide's code blocks). */
export async function loadSource(path: string): Promise<{ path: string; html: string } | null> {
  if (!linkedFiles().includes(path)) return null
  const code = readFileSync(join(process.cwd(), path), 'utf8')
  const html = await codeToHtml(code, {
    lang: path.endsWith('.sh') ? 'bash' : 'ts',
    themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
  })
  return { path, html }
}
