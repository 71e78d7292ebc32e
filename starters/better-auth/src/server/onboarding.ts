// The one mutation the route (POST /api/onboarding/complete) and the server action share: the server advances the
// step in the row, then re-reads the session from the database so Better Auth re-issues the cookie cache in this
// same response (nextCookies() turns that Set-Cookie into Next's cookies().set). The next navigation passes the gate.
import { auth } from '~/server/better-auth'

export async function completeOnboarding(requestHeaders: Headers) {
  // From the database, not the cookie cache: a session revoked elsewhere must not write.
  const current = await auth.api.getSession({ headers: requestHeaders, query: { disableCookieCache: true } })
  if (!current) return null
  // updateUser of the API refuses onboardingStep (input: false); the internal adapter is the server's own write.
  const { internalAdapter } = await auth.$context
  await internalAdapter.updateUser(current.user.id, { onboardingStep: 'COMPLETED' })
  const fresh = await auth.api.getSession({ headers: requestHeaders, query: { disableCookieCache: true } })
  return fresh?.user ?? null
}
