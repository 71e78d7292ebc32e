// The demo's abuse limits, read from the environment (README: "Running it in public").
// A value that does not parse is a configuration error, reported with the variable's name.

export interface Rate {
  max: number
  windowMs: number
}

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/** `10m`, `24h`, `30s`, `2d` → milliseconds. */
export function parseDuration(value: string, name = 'duration'): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$/.exec(value)
  if (!match || Number(match[1]) <= 0) throw new Error(`${name}="${value}" is not a duration such as 30s, 10m, 24h or 2d.`)
  return Number(match[1]) * UNITS[match[2]]
}

/** `20/10m` → at most 20 per 10 minutes. */
export function parseRate(value: string, name = 'rate'): Rate {
  const match = /^\s*(\d+)\s*\/\s*(.+)$/.exec(value)
  if (!match || Number(match[1]) < 1) throw new Error(`${name}="${value}" is not a rate such as 20/10m.`)
  return { max: Number(match[1]), windowMs: parseDuration(match[2], name) }
}

function positiveInt(value: string, name: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name}="${value}" is not a positive whole number.`)
  return n
}

export interface AbuseLimits {
  /** Guest sign-ins per client address (GUEST_SIGNIN_LIMIT, default 20/10m). */
  signIns: Rate
  /** Guest rows the database may hold at once (GUEST_ROWS_MAX, default 10000). */
  guestRowsMax: number
  /** A guest row unused for this long is removed (GUEST_IDLE_MAX, default 24h). */
  guestIdleMs: number
  /** Believe X-Forwarded-For (TRUST_PROXY=1): only behind a proxy that sets it. */
  trustProxy: boolean
}

export function abuseLimits(env: NodeJS.ProcessEnv = process.env): AbuseLimits {
  return {
    signIns: parseRate(env.GUEST_SIGNIN_LIMIT || '20/10m', 'GUEST_SIGNIN_LIMIT'),
    guestRowsMax: positiveInt(env.GUEST_ROWS_MAX || '10000', 'GUEST_ROWS_MAX'),
    guestIdleMs: parseDuration(env.GUEST_IDLE_MAX || '24h', 'GUEST_IDLE_MAX'),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  }
}
