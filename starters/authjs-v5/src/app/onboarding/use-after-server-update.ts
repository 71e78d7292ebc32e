'use client'
import { useSession } from 'next-auth/react'
import { useRouter } from 'next/navigation'

/**
 * After the server re-issued the cookie (unstable_update in the route / tRPC procedure / Server Action)
 * the browser holds the new session, but useSession() still shows the old one (the SessionProvider
 * caches it) and the App Router may render server components from its cache (next-auth #12447).
 */
export function useAfterServerUpdate() {
  const { update } = useSession()
  const router = useRouter()
  return async (to?: string) => {
    // update() with NO argument: one GET /api/auth/session, no CSRF request, no trigger "update" (no
    // second update): it reads the cookie the mutation set. It also broadcasts to the other tabs, which
    // refetch once each. (getSession() costs the same GET and broadcasts too, but does not refresh the
    // useSession() of this tab.)
    const session = await update()
    // Server components: navigating fetches the new route; to stay on this page, router.refresh().
    if (to) router.push(to)
    else router.refresh()
    return session
  }
}
