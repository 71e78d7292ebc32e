// The onboarding gate's decision, apart from the request: middleware.ts decodes the token and calls this.
// It trusts only the token, so the token must change for the user to get through: that is the whole
// point of the session update this site teaches.
import type { JWT } from 'next-auth/jwt'
import { ONBOARDING_COMPLETED } from './claims'

export const SIGN_IN = '/demo'
export const ONBOARDING = '/demo/onboarding'

/** `null`: let the request through; otherwise the page to send it to (with `callbackUrl` = where it wanted to go). */
export function gate(pathname: string, token: Pick<JWT, 'onboardingStep'> | null): typeof SIGN_IN | typeof ONBOARDING | null {
  if (pathname === SIGN_IN) return null
  if (!token) return SIGN_IN
  if (pathname === ONBOARDING || token.onboardingStep === ONBOARDING_COMPLETED) return null
  return ONBOARDING
}
