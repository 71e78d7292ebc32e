import { Code, Pre } from 'nextra/components'
import { useData } from 'nextra/hooks'
import { JavaScriptIcon, TerminalIcon, TypeScriptIcon } from 'nextra/icons'
import type { ComponentProps } from 'react'

/** The filename header's icon, as Nextra's rehype-icon picks it for the languages this site shows. */
const ICONS: Record<string, typeof TypeScriptIcon> = {
  ts: TypeScriptIcon,
  tsx: TypeScriptIcon,
  js: JavaScriptIcon,
  jsx: JavaScriptIcon,
  sh: TerminalIcon,
  bash: TerminalIcon,
}

type PreProps = Omit<ComponentProps<typeof Pre>, 'children' | 'icon'>

/**
 * A code block of an MDX page, highlighted at build time by `mdx/code-as-page-data.mjs`, which put its HTML in the
 * page's data (`getStaticProps` → `staticCode`) instead of its JavaScript. Rendered into Nextra's own `Pre`, so the
 * filename header, copy button (it copies the `code` element's text) and word-wrap toggle work as on any page.
 */
export function StaticCode({ id, ...pre }: PreProps & { id: string }) {
  const html = useStaticCode(id)
  const Icon = ICONS[pre['data-language'] ?? '']
  return (
    <Pre {...pre} icon={pre['data-filename'] ? Icon : undefined}>
      <Code dangerouslySetInnerHTML={{ __html: html }} />
    </Pre>
  )
}

/** The highlighted HTML of one of this page's code blocks. */
export function useStaticCode(id: string): string {
  const blocks = useData('staticCode') as Record<string, string> | undefined
  const html = blocks?.[id]
  // Only a page compiled by the plugin renders this component, with its own data: anything else is a build bug.
  if (html === undefined) throw new Error(`Code block "${id}" is not in this page's data (props.staticCode)`)
  return html
}
