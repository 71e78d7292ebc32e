// A starter's files to browse, each a link to its page under /source/starters/. The list comes from the build
// (mdx/starter-list.mjs passes it as one attribute, the paths separated by |: MDX folds newlines in an attribute into spaces), so it stays out of the search index: a
// search for "middleware" should find the chapter, not this list.
import { LINK } from '@/components/link-class'

export function StarterFiles({ name, files }: { name: string; files: string }) {
  const list = files.split('|').filter(Boolean)
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
