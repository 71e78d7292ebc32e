// The reader's edits, kept in localStorage per page and preset, so a reload (or a return tomorrow) shows the code as
// they left it. Nothing is kept for unedited code; Reset forgets it. Storage can be full or disabled (private mode,
// a strict policy): then edits simply live as long as the page.
import type { PresetId } from './presets'

export interface Edits {
  auth: string
  update: string
}

const key = (preset: PresetId) => `token-lab:${window.location.pathname}:${preset}`

export function loadEdits(preset: PresetId): Edits | null {
  try {
    const saved = JSON.parse(window.localStorage.getItem(key(preset)) ?? 'null')
    return typeof saved?.auth === 'string' && typeof saved?.update === 'string' ? saved : null
  } catch {
    return null
  }
}

/** `null`: the code is the preset's own again, nothing to keep. */
export function saveEdits(preset: PresetId, edits: Edits | null) {
  try {
    if (edits) window.localStorage.setItem(key(preset), JSON.stringify(edits))
    else window.localStorage.removeItem(key(preset))
  } catch {
    // Storage unavailable: the edits stay in the page only.
  }
}
