// WorkOS AuthKit: role, permissions and entitlements travel in the access token, sealed with the refresh token in
// the `wos-session` cookie. A change at WorkOS reaches the cookie when the session is refreshed.
import { getWorkOS, refreshSession, withAuth } from '@workos-inc/authkit-nextjs'

// A Server Action (refreshSession sets the cookie through cookies(): Server Actions and Route Handlers only).
export async function completeOnboarding(membershipId: string) {
  await withAuth({ ensureSignedIn: true })
  await getWorkOS().userManagement.updateOrganizationMembership(membershipId, { roleSlug: 'member' })
  return refreshSession({ ensureSignedIn: true }) // one call to WorkOS for a new access token; the cookie is rewritten
}

// The gate: authkitMiddleware verifies the access token and refreshes it only when it has expired or is about to.
export async function isMember(): Promise<boolean> {
  const { role } = await withAuth()
  return role === 'member'
}

// Sign another device out: WorkOS refuses its next refresh; its access token is valid until it expires.
export async function endSession(sessionId: string): Promise<void> {
  await getWorkOS().userManagement.revokeSession({ sessionId })
}
