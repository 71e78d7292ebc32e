import { PRESETS, type PresetId } from './presets'
import { LabToolbar } from './LabToolbar'
import styles from './TokenLab.module.css'

/** Server-rendered: the preset's code, readable at once, in the editor's place until the lab loads. */
export function LabPlaceholder({ preset }: { preset: PresetId }) {
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
        <pre className={styles.placeholderCode}>{PRESETS[preset].auth}</pre>
      </div>
      <p className={styles.status}>The lab loads when you scroll to it: Auth.js core runs in your browser.</p>
    </div>
  )
}
