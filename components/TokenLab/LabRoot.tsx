import { SandpackProvider } from '@codesandbox/sandpack-react'
import { useTheme } from 'nextra-theme-docs'
import { useMemo, useState } from 'react'
import clientSource from '@/content/lab/client.ts?raw'
import serverSource from '@/content/lab/server.ts?raw'
import { PRESET_SOURCES } from './preset-sources'
import type { PresetId } from './presets'
import { LabEditors, labPaths } from './LabEditors'
import { labDarkTheme, labLightTheme } from './lab-theme'
import { LabResults } from './LabResults'
import { LabStatus } from './LabStatus'
import { LabToolbar } from './LabToolbar'
import { useLabRunner } from './useLabRunner'
import { loadEdits, saveEdits } from './saved-edits'

/** The interactive lab: loaded lazily by TokenLab, with Sandpack, CodeMirror and the worker. */
export default function LabRoot({ initialPreset }: { initialPreset: PresetId }) {
  const [preset, setPreset] = useState(initialPreset)
  const [resets, setResets] = useState(0)
  const runner = useLabRunner()
  const { resolvedTheme } = useTheme()
  const paths = labPaths(preset)
  // Sandpack starts over when its `files` prop changes: keep one object per preset and reset, or every result would
  // reset it. The reader's saved edits, if any, are where it starts.
  const files = useMemo(() => startingFiles(preset), [preset, resets])
  const options = useMemo(() => ({ visibleFiles: [paths.auth, paths.update, '/server.ts', '/client.ts'], activeFile: paths.auth }), [paths.auth, paths.update])
  return (
    <>
      <LabToolbar preset={preset} onPreset={setPreset} onReset={() => (saveEdits(preset, null), setResets((n) => n + 1))} />
      {/* A new key per preset and reset: Sandpack starts again from the files under content/lab. */}
      <SandpackProvider
        key={`${preset}:${resets}`}
        files={files}
        theme={resolvedTheme === 'dark' ? labDarkTheme : labLightTheme}
        options={options}
      >
        <LabEditors preset={preset} run={runner.run} fail={runner.fail} />
      </SandpackProvider>
      <LabStatus status={runner.status} errors={runner.errors} />
      <LabResults result={runner.result} unedited={runner.unedited} />
    </>
  )
}

function startingFiles(preset: PresetId) {
  const paths = labPaths(preset)
  const edits = loadEdits(preset)
  return {
    [paths.auth]: edits?.auth ?? PRESET_SOURCES[preset].auth,
    [paths.update]: edits?.update ?? PRESET_SOURCES[preset].update,
    // What the reader's files import, shown read-only: the lab's server and what update.ts is handed.
    '/server.ts': { code: serverSource, readOnly: true },
    '/client.ts': { code: clientSource, readOnly: true },
  }
}
