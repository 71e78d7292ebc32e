import { BUNDLED_PRESETS } from './bundled-presets'
import { evaluate } from './evaluate'
import { runAttack, runFlow } from './flow'
import { locateError } from './locate-error'
import type { LabResult, RunRequest } from './protocol'

/** One run of the lab: load the reader's code (or the preset's), play the update, then the attacker. */
export async function runLab(request: Omit<RunRequest, 'id'>): Promise<LabResult> {
  const started = performance.now()
  const modules = request.compiled ? evaluate(request.compiled) : BUNDLED_PRESETS[request.preset]
  const flow = await runFlow(modules)
  const attack = await runAttack(modules.auth)
  return {
    ...flow,
    errors: flow.errors.map(locateError),
    attack: { ...attack, errors: attack.errors.map(locateError) },
    ms: performance.now() - started,
  }
}
