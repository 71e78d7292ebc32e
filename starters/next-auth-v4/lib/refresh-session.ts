// After a server-side update (the cookie came back in the mutation's response) useSession() still holds
// the old session: nothing told SessionProvider. next-auth 4 has no "refetch" export, and:
//  - getSession() fetches once (1 GET /api/auth/session) and tells OTHER tabs to refetch, but does not
//    update this tab's useSession();
//  - useSession().update() updates this tab and the others, but costs 2 requests (GET /api/auth/csrf,
//    POST /api/auth/session) and runs the jwt callback again: the update we just did, a second time;
//  - SessionProvider refetches on `visibilitychange` (refetchOnWindowFocus, on by default): 1 GET, this
//    tab's useSession() updated, and the other tabs told to refetch. That is what this does.
export function refreshSession(): void {
  document.dispatchEvent(new Event('visibilitychange'))
}
