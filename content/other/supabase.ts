// Supabase Auth: claims live in the access token (app_metadata, or what a custom access token hook adds). The
// types are @supabase/auth-js's; with supabase-js they are the classes of `supabase.auth` and `supabase.auth.admin`.
import type { GoTrueAdminApi, GoTrueClient, Session } from '@supabase/auth-js'

// In a Server Action: the service-role client writes app_metadata (a user cannot write it themselves), then the
// user's own client mints a new access token, which @supabase/ssr writes into this response's cookies.
export async function completeOnboarding(admin: GoTrueAdminApi, auth: GoTrueClient, userId: string): Promise<Session | null> {
  const { error } = await admin.updateUserById(userId, { app_metadata: { onboarding_step: 'COMPLETED' } })
  if (error) throw error
  const { data, error: refreshError } = await auth.refreshSession()
  if (refreshError) throw refreshError
  return data.session
}

// The gate: getClaims() verifies the access token locally when the project signs with an asymmetric key.
export async function onboardingDone(auth: GoTrueClient): Promise<boolean> {
  const { data } = await auth.getClaims()
  return data?.claims.app_metadata?.onboarding_step === 'COMPLETED'
}

// End the user's other sessions: their refresh tokens are revoked; their access tokens live until they expire.
export async function signOutOtherDevices(admin: GoTrueAdminApi, accessToken: string): Promise<void> {
  const { error } = await admin.signOut(accessToken, 'others')
  if (error) throw error
}
