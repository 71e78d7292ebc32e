/** The lab's starting points: each is a folder under content/lab with auth.ts and update.ts. */
export const PRESET_IDS = ['naive', 'ticket', 'update', 'response'] as const
export type PresetId = (typeof PRESET_IDS)[number]
