// A download link for one starter's zip (public/downloads/<name>.zip, built with the site by
// scripts/starters/zip.mjs). mdx/starter-list.mjs adds, at build time, the zip's size in bytes (the build zips the
// starters first: no HEAD request per download on load, issue 26) and the two commands of the starter's README, one a
// line, so the site never says `npm install` where the README says `npm ci`.
import { LINK } from '@/components/link-class'

type Props = { name: string; title?: string; commands?: string; bytes?: string }

export function StarterDownload({ name, title, commands = '[]', bytes }: Props) {
  const lines: string[] = JSON.parse(commands)
  const href = `/downloads/${name}.zip`
  const size = Number(bytes) > 0 ? `${(Number(bytes) / 1024).toFixed(0)} kB` : null
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
