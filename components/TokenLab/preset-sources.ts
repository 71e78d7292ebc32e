// The lab's starting code: the files under content/lab, as text for the editors. Loaded with the lab (LabRoot),
// never with the page: a chapter shows one preset's code, from its page data, until the lab is near.
import naiveAuth from '@/content/lab/naive/auth.ts?raw'
import naiveUpdate from '@/content/lab/naive/update.ts?raw'
import ticketAuth from '@/content/lab/ticket/auth.ts?raw'
import ticketUpdate from '@/content/lab/ticket/update.ts?raw'
import updateAuth from '@/content/lab/update/auth.ts?raw'
import updateUpdate from '@/content/lab/update/update.ts?raw'
import responseAuth from '@/content/lab/response/auth.ts?raw'
import responseUpdate from '@/content/lab/response/update.ts?raw'
import type { PresetId } from './presets'

export const PRESET_SOURCES: Record<PresetId, { auth: string; update: string }> = {
  naive: { auth: naiveAuth, update: naiveUpdate },
  ticket: { auth: ticketAuth, update: ticketUpdate },
  update: { auth: updateAuth, update: updateUpdate },
  response: { auth: responseAuth, update: responseUpdate },
}
