// The lab's starting code: the files under content/lab, as text for the editors and the server-rendered placeholder.
import naiveAuth from '@/content/lab/naive/auth.ts?raw'
import naiveUpdate from '@/content/lab/naive/update.ts?raw'
import ticketAuth from '@/content/lab/ticket/auth.ts?raw'
import ticketUpdate from '@/content/lab/ticket/update.ts?raw'
import updateAuth from '@/content/lab/update/auth.ts?raw'
import updateUpdate from '@/content/lab/update/update.ts?raw'
import responseAuth from '@/content/lab/response/auth.ts?raw'
import responseUpdate from '@/content/lab/response/update.ts?raw'
import type { PresetId } from '@/lab/preset-ids'

export { PRESET_IDS, type PresetId } from '@/lab/preset-ids'

export interface Preset {
  id: PresetId
  title: string
  summary: string
  auth: string
  update: string
}

export const PRESETS: Record<PresetId, Preset> = {
  naive: {
    id: 'naive',
    title: 'Naive pass-through',
    summary: "The article's provider: it signs in whatever user JSON the client posts.",
    auth: naiveAuth,
    update: naiveUpdate,
  },
  ticket: {
    id: 'ticket',
    title: 'Hardened ticket',
    summary: 'The pass-through accepts only a ticket the server signed for this user, newer than the session that sends it.',
    auth: ticketAuth,
    update: ticketUpdate,
  },
  update: {
    id: 'update',
    title: 'update() with validation',
    summary: 'No extra provider: the built-in update() asks, the jwt callback checks with the database.',
    auth: updateAuth,
    update: updateUpdate,
  },
  response: {
    id: 'response',
    title: 'In the mutation’s response',
    summary: 'The mutation calls unstable_update({}) on the server: the new cookie comes back with it, no request after.',
    auth: responseAuth,
    update: responseUpdate,
  },
}
