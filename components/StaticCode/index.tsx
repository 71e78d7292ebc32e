import { Code, Pre } from 'nextra/components'
import { useData } from 'nextra/hooks'
import { JavaScriptIcon, TerminalIcon, TypeScriptIcon } from 'nextra/icons'
import type { ComponentProps } from 'react'
import { STATIC_CODE } from './page-data'

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
  const Icon = ICONS[pre['data-language'] ?? '']
  return (
    <Pre {...pre} icon={pre['data-filename'] ? Icon : undefined}>
      <HighlightedCode id={id} />
    </Pre>
  )
}

/** Nextra's `Code` holding one block's highlighted HTML, marked with its id so the first load can find it again. */
export function HighlightedCode({ id }: { id: string }) {
  return <Code data-static-code={id} dangerouslySetInnerHTML={{ __html: useStaticCode(id) }} />
}

/**
 * The first page's blocks, as the server rendered them. Read once: the lab's placeholder mounts its block again
 * (as Suspense's fallback) after the first render, and a later render must not depend on what the DOM holds then.
 */
const firstLoadBlocks = new Map<string, string>()

/**
 * From the page's HTML, for the page the browser loaded first: its __NEXT_DATA__ has no blocks (pages/_document.tsx).
 * Any page reached by client-side navigation has them in its fetched data, so this only ever reads that first page.
 * Reading the element's own HTML back keeps hydration exact: React finds the same HTML it would have set.
 */
function fromFirstLoad(id: string): string | undefined {
  if (typeof document === 'undefined') return undefined
  if (!firstLoadBlocks.has(id)) {
    const element = document.querySelector(`code[data-static-code="${CSS.escape(id)}"]`)
    if (element) firstLoadBlocks.set(id, element.innerHTML)
  }
  return firstLoadBlocks.get(id)
}

/** The highlighted HTML of one of this page's code blocks. */
export function useStaticCode(id: string): string {
  const blocks = useData(STATIC_CODE) as Record<string, string> | undefined
  const html = blocks?.[id] ?? fromFirstLoad(id)
  // Only a page compiled by the plugin renders this component, with its own data: anything else is a build bug.
  if (html === undefined) throw new Error(`Code block "${id}" is neither in this page's data (props.staticCode) nor in its HTML`)
  return html
}
