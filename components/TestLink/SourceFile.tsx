import { useData } from 'nextra/hooks'
import { LINK } from '@/components/link-class'

/** The body of /source/<path>: the file as highlighted at build time; nothing is highlighted in the browser. */
export function SourceFile() {
  const { path, html, starter } = useData() as { path: string; html: string; starter: string | null }
  return (
    <>
      <h1>
        <code>{path}</code>
      </h1>
      {starter ? (
        <p>
          A file of the <code>{starter}</code> starter, as its download holds it. Back to{' '}
          <a className={LINK} href={`/starters#${starter}`}>
            the starters
          </a>
          .
        </p>
      ) : (
        <p>
          This file as the test suite runs it. Back to{' '}
          <a className={LINK} href="/guide/testing">
            Testing it
          </a>
          .
        </p>
      )}
      <div className="source-code" tabIndex={0} role="region" aria-label={path} dangerouslySetInnerHTML={{ __html: html }} />
    </>
  )
}
