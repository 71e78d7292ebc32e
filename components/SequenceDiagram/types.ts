/** Who a message goes between: the reader's browser, the Next.js server (next-auth, your API) and the database. */
export type Actor = 'browser' | 'server' | 'db'

/** The three moments every strategy has: the mutation, the session update, and the next request the gate checks. */
export type Phase = 'mutation' | 'update' | 'gated'

export interface Message {
  from: Actor
  to: Actor
  label: string
  phase: Phase
  /** An answer: drawn dashed, back towards the caller. */
  reply?: boolean
}
