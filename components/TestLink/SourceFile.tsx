import { useData } from 'nextra/hooks'

/** The body of /source/<path>: the file as highlighted at build time; nothing is highlighted in the browser. */
export function SourceFile() {
  const { path, html } = useData() as { path: string; html: string }
  return (
    <>
      <h1>
        <code>{path}</code>
      </h1>
      <p>
        This file as the test suite runs it. Back to <a href="/guide/testing">Testing it</a>.
      </p>
      <div className="source-code" tabIndex={0} role="region" aria-label={path} dangerouslySetInnerHTML={{ __html: html }} />
    </>
  )
}
