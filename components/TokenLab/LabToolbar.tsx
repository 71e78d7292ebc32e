import { PRESET_IDS, PRESETS, type PresetId } from './presets'
import styles from './TokenLab.module.css'

interface Props {
  preset: PresetId
  /** Absent in the server-rendered placeholder, whose buttons wait for the lab. */
  onPreset?(preset: PresetId): void
  onReset?(): void
}

export function LabToolbar({ preset, onPreset, onReset }: Props) {
  return (
    <div className={styles.toolbar}>
      <div role="group" aria-label="Starting code" className={styles.presets}>
        {PRESET_IDS.map((id) => (
          <button
            key={id}
            type="button"
            aria-pressed={id === preset}
            className={styles.preset}
            onClick={() => onPreset?.(id)}
            disabled={!onPreset}
            data-testid={`lab-preset-${id}`}
          >
            {PRESETS[id].title}
          </button>
        ))}
      </div>
      <button type="button" className={styles.reset} onClick={onReset} disabled={!onReset} data-testid="lab-reset">
        Reset
      </button>
      <p className={styles.summary}>{PRESETS[preset].summary}</p>
    </div>
  )
}
