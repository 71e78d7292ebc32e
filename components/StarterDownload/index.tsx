// A download link for one starter's zip (public/downloads/<name>.zip, built with the site by
// scripts/starters/zip.mjs). The size comes from a HEAD request, so the page needs no build-time data. The two
// commands are the starter README's own, one a line: mdx/starter-list.mjs adds them to every <StarterDownload> at
// build time, so the site never says `npm install` where the README says `npm ci`.
import { useEffect, useState } from 'react'
import { LINK } from '@/components/link-class'

type Props = { name: string; title?: string; commands?: string }

export function StarterDownload({ name, title, commands = '[]' }: Props) {
  const lines: string[] = JSON.parse(commands)
  const href = `/downloads/${name}.zip`
  const [size, setSize] = useState<string | null>(null)
  useEffect(() => {
    const controller = new AbortController()
    fetch(href, { method: 'HEAD', signal: controller.signal })
      .then((res) => {
        const bytes = Number(res.headers.get('content-length'))
        if (res.ok && bytes > 0) setSize(`${(bytes / 1024).toFixed(0)} kB`)
      })
      .catch(() => {})
    return () => controller.abort()
  }, [href])
  return (
    <p data-testid="starter-download" className="starter-download">
      <a href={href} download className={LINK}>
        Download the {title ?? name} starter ({name}.zip{size ? `, ${size}` : ''})
      </a>{' '}
      {lines.length > 0 ? (
        <>
          — unzip, then, in its folder:{' '}
          {lines.map((line, i) => (
            <span key={line}>
              {i > 0 && ' and '}
              <code data-testid="starter-command">{line}</code>
            </span>
          ))}
          .{' '}
        </>
      ) : (
        <> — unzip, then follow its README. </>
      )}
      <a href={`/starters#${name}`} className={LINK}>
        What it holds
      </a>
    </p>
  )
}

export default StarterDownload
