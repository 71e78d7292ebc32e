// A starter's files to browse, each a link to its page under /source/starters/. The list comes from the build
// (mdx/starter-list.mjs passes it as one newline-separated attribute), so it stays out of the search index: a
// search for "middleware" should find the chapter, not this list.
import { LINK } from '@/components/link-class'

export function StarterFiles({ name, files }: { name: string; files: string }) {
  const list = files.split('\n').filter(Boolean)
  return (
    <ul className="starter-files">
      {list.map((file) => (
        <li key={file}>
          <a className={LINK} href={`/source/starters/${name}/${file}`}>
            <code>{file}</code>
          </a>
        </li>
      ))}
    </ul>
  )
}

export default StarterFiles
