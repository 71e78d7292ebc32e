import { LINK } from '@/components/link-class'
import { sourceHref } from './href'

/** A test file named in the guide, as a link the reader can follow: to the repository, or to this site's copy. */
export function TestLink({ path }: { path: string }) {
  return (
    <a href={sourceHref(path)} className={LINK}>
      <code>{path}</code>
    </a>
  )
}
