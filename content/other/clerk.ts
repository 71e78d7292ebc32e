// Clerk: the claim lives in the user's metadata on Clerk's servers and reaches your app inside the short-lived
// session token (add `"metadata": "{{user.public_metadata}}"` to the session token's claims in the dashboard).
import { verifyToken, type ClerkClient } from '@clerk/backend'
import type { SessionResource, UserResource } from '@clerk/shared/types'

// On the server (a Server Action; with @clerk/nextjs, `await clerkClient()` gives this client).
export async function completeOnboarding(clerk: ClerkClient, userId: string): Promise<void> {
  await clerk.users.updateUserMetadata(userId, { publicMetadata: { onboardingComplete: true } })
}

// In the browser, once the action has answered: fetch a new session token now rather than within the minute.
export async function refreshClaims(user: UserResource, session: SessionResource): Promise<void> {
  await user.reload()
  await session.getToken({ skipCache: true })
}

// The gate (clerkMiddleware's `auth().sessionClaims` does the same): verified with the instance's public key,
// networkless, so it reads what the token says, which is what the metadata was when the token was minted.
export async function onboardingDone(sessionToken: string, jwtKey: string): Promise<boolean> {
  const claims = await verifyToken(sessionToken, { jwtKey })
  return (claims.metadata as { onboardingComplete?: boolean } | undefined)?.onboardingComplete === true
}

// Sign another device out: its session ends at Clerk; its last token is still valid until it expires.
export async function endSession(clerk: ClerkClient, sessionId: string): Promise<void> {
  await clerk.sessions.revokeSession(sessionId)
}
