import type { JWT } from 'next-auth/jwt'
import type { User } from '~/server/db/schema'

/** The one place that turns a database row into the token's claims. */
export function applyClaims(token: JWT, row: User): JWT {
  token.sub = row.id
  token.email = row.email
  token.name = row.name
  token.role = row.role
  token.onboardingStep = row.onboardingStep
  token.ver = row.version
  return token
}
