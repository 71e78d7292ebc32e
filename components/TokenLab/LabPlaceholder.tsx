import { HighlightedCode } from '@/components/StaticCode'
import type { PresetId } from './presets'
import { LabToolbar } from './LabToolbar'
import styles from './TokenLab.module.css'

/**
 * Server-rendered: the preset's code, readable at once, in the editor's place until the lab loads. The code is the
 * page's data (`codeId`, added by mdx/code-as-page-data.mjs for each `<TokenLab>` of an MDX page), highlighted at
 * build time: the page's JavaScript carries none of the lab's files.
 */
export function LabPlaceholder({ preset, codeId }: { preset: PresetId; codeId?: string }) {
  return (
    <div aria-busy="true" data-testid="lab-placeholder">
      <LabToolbar preset={preset} />
      <div className={styles.placeholder}>
        <div className={styles.files}>
          {['auth.ts', 'update.ts', 'server.ts', 'client.ts'].map((name, index) => (
            <span key={name} className={styles.file} aria-current={index === 0 ? 'true' : undefined}>
              {name}
              {index > 1 && <span className={styles.readOnly}> (read-only)</span>}
            </span>
          ))}
        </div>
        {codeId && <PlaceholderCode id={codeId} />}
      </div>
      <p className={styles.status}>The lab loads when you scroll to it: Auth.js core runs in your browser.</p>
    </div>
  )
}

function PlaceholderCode({ id }: { id: string }) {
  return (
    <pre className={styles.placeholderCode}>
      <HighlightedCode id={id} />
    </pre>
  )
}
