// The lab's presets as the page shows them before the lab loads: names and summaries. Their code, which only the
// editors need, is in ./preset-sources (loaded with the lab); the placeholder's code comes with the page's data.
import type { PresetId } from '@/lab/preset-ids'

export { PRESET_IDS, type PresetId } from '@/lab/preset-ids'

export interface Preset {
  id: PresetId
  title: string
  summary: string
}

export const PRESETS: Record<PresetId, Preset> = {
  naive: {
    id: 'naive',
    title: 'Naive pass-through',
    summary: "The article's provider: it signs in whatever user JSON the client posts.",
  },
  ticket: {
    id: 'ticket',
    title: 'Hardened ticket',
    summary: 'The pass-through accepts only a ticket the server signed for this user, newer than the session that sends it.',
  },
  update: {
    id: 'update',
    title: 'update() with validation',
    summary: 'No extra provider: the built-in update() asks, the jwt callback checks with the database.',
  },
  response: {
    id: 'response',
    title: 'In the mutation’s response',
    summary: 'The mutation calls unstable_update({}) on the server: the new cookie comes back with it, no request after.',
  },
}
