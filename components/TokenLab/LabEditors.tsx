import { SandpackCodeEditor, useSandpack } from '@codesandbox/sandpack-react'
import { useEffect } from 'react'
import type { CodeError } from '@/lab/code-error'
import { PRESET_SOURCES } from './preset-sources'
import type { PresetId } from './presets'
import type { RunRequest } from '@/lab/protocol'
import { saveEdits } from './saved-edits'
import styles from './TokenLab.module.css'

/** Short enough to feel immediate, long enough not to compile half-typed words at typing speed. */
export const DEBOUNCE_MS = 40

export const labPaths = (preset: PresetId) => ({ auth: `/${preset}/auth.ts`, update: `/${preset}/update.ts` })

// The compiler (sucrase) is a chunk of its own: fetched on the first edit, never for a reader who only reads.
const loadCompiler = () => import('@/lab/compile')

interface Props {
  preset: PresetId
  run(request: Omit<RunRequest, 'id'>): void
  fail(error: CodeError): void
}

/** The editors, and the bridge from their text to the runner: unedited code runs as bundled, edits are compiled. */
export function LabEditors({ preset, run, fail }: Props) {
  const { sandpack } = useSandpack()
  const paths = labPaths(preset)
  const auth = sandpack.files[paths.auth]?.code ?? ''
  const update = sandpack.files[paths.update]?.code ?? ''

  useEffect(() => {
    const unedited = auth === PRESET_SOURCES[preset].auth && update === PRESET_SOURCES[preset].update
    saveEdits(preset, unedited ? null : { auth, update })
    if (unedited) return run({ preset })
    let cancelled = false
    const compiler = loadCompiler()
    const timer = setTimeout(async () => {
      const { compile } = await compiler
      if (cancelled) return
      const [a, u] = [compile('auth.ts', auth), compile('update.ts', update)]
      if (!a.ok) fail(a.error)
      else if (!u.ok) fail(u.error)
      else run({ preset, compiled: { auth: a.code, update: u.code } })
    }, DEBOUNCE_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [auth, update, preset, run, fail])

  // Our own file buttons: Sandpack's tabs nest a button inside role="tab", which screen readers cannot use.
  return (
    <div className={styles.editor}>
      <div role="group" aria-label="Files" className={styles.files}>
        {sandpack.visibleFiles.map((path) => (
          <button
            key={path}
            type="button"
            className={styles.file}
            aria-pressed={path === sandpack.activeFile}
            onClick={() => sandpack.setActiveFile(path)}
          >
            {path.split('/').pop()}
            {sandpack.files[path]?.readOnly && <span className={styles.readOnly}> (read-only)</span>}
          </button>
        ))}
      </div>
      <SandpackCodeEditor showTabs={false} showLineNumbers wrapContent />
    </div>
  )
}
