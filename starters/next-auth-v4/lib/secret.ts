import { ensureSecret } from './runtime-config.mjs'

/** NEXTAUTH_SECRET, or in development the one generated into DATA_DIR (lib/runtime-config.mjs). */
export function authSecret(): string {
  return ensureSecret()
}
