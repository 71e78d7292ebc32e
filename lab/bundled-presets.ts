// The starting code, compiled with the worker: an unedited preset runs without loading the TypeScript compiler.
import naiveAuth from '@/content/lab/naive/auth'
import naiveUpdate from '@/content/lab/naive/update'
import ticketAuth from '@/content/lab/ticket/auth'
import ticketUpdate from '@/content/lab/ticket/update'
import updateAuth from '@/content/lab/update/auth'
import updateUpdate from '@/content/lab/update/update'
import responseAuth from '@/content/lab/response/auth'
import responseUpdate from '@/content/lab/response/update'
import type { LabModules } from './flow'
import type { PresetId } from './preset-ids'

export const BUNDLED_PRESETS: Record<PresetId, LabModules> = {
  naive: { auth: naiveAuth, update: naiveUpdate },
  ticket: { auth: ticketAuth, update: ticketUpdate },
  update: { auth: updateAuth, update: updateUpdate },
  response: { auth: responseAuth, update: responseUpdate },
}
