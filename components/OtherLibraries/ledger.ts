// Every cell of the "Other libraries" table with where it comes from. tests/unit/other-libraries/ledger.test.ts
// checks each source: a test here names a test that exists; a package line still holds the quoted text in the
// version package.json pins; a docs page is only linked (a hosted service's behaviour, which no test can run).

/** A test in this repository that runs the library and asserts the cell. */
export interface TestSource { test: string; name: string }
/** A line of an installed package's source (the pinned version), with the text it must still hold. */
export interface PackageSource { pkg: string; file: string; line: number; quote: string }
/** A documentation page: for what the hosted service does, which no offline test can run. */
export interface DocsSource { docs: string; says: string }
export type Source = TestSource | PackageSource | DocsSource

export interface Fact { text: string; sources: Source[] }
export interface Library {
  name: string
  /** The installed package (and version) the row was checked against. */
  pkg: string
  version: string
  api: Fact
  where: Fact
  requests: Fact
  otherDevice: Fact
  endOther: Fact
}

/** The versions the cells were checked against, as package-lock.json resolves them: the devDependencies added for
 * this table (exact pins), next and next-auth, and two that come with them (Clerk's shared types, WorkOS's Node SDK). */
export const pinned: Record<string, string> = {
  next: '15.5.29',
  'next-auth': '4.24.15',
  'next-auth-v5': '5.0.0-beta.32',
  '@auth0/nextjs-auth0': '4.30.0',
  '@clerk/backend': '3.25.0',
  '@clerk/shared': '4.41.0',
  '@supabase/auth-js': '2.119.2',
  '@workos-inc/authkit-nextjs': '4.3.2',
  '@workos-inc/node': '10.14.0',
  'better-auth': '1.7.29',
  'iron-session': '9.0.1',
}

const V4_STALE = 'tests/snippets/v4/stale.test.ts'
const V5_STALE = 'tests/snippets/v5/stale.test.ts'
const BA_TEST = 'tests/unit/other-libraries/better-auth.test.ts'

export const libraries: Library[] = [
  {
    name: 'next-auth v4',
    pkg: 'next-auth',
    version: '4.24.15',
    api: {
      text: 'No server-side update. The client’s `useSession().update(data)` through your `jwt` callback, or your own helper that `encode`s the token into the mutation’s `Set-Cookie`',
      sources: [
        { test: 'tests/snippets/v4/update.test.ts', name: 'takes role and onboardingStep from the database, never from the client' },
        { test: 'tests/snippets/v4/reissue-session.test.ts', name: 'answers the mutation with the new cookie: next-auth reads COMPLETED with no further request' },
      ],
    },
    where: {
      text: '`update()`: a client component. Helper: API route, route handler',
      sources: [{ test: 'tests/snippets/v4/reissue-session.test.ts', name: 'sets the same cookie on a NextResponse' }],
    },
    requests: {
      text: '`update()`: 2 after the mutation (CSRF token, `POST /api/auth/session`). Helper: 0',
      sources: [
        { test: 'e2e/demo-flow.test.ts', name: 'completes onboarding with' },
        { test: 'tests/snippets/v4/reissue-session.test.ts', name: 'answers the mutation with the new cookie: next-auth reads COMPLETED with no further request' },
      ],
    },
    otherDevice: {
      text: 'Keeps its claims until its `jwt` callback re-reads the row (a re-read every N s: N s) or the token expires (30 days, renewed by use)',
      sources: [
        { test: V4_STALE, name: 'keeps the old role and even a suspension until the token expires, and maxAge is an idle timeout' },
        { test: V4_STALE, name: 'sees a role change only after N seconds, with no database read before then' },
      ],
    },
    endOther: {
      text: 'Not by itself: a JWT cannot be revoked. With a per-user epoch the gate checks (one read per request): yes',
      sources: [{ test: V4_STALE, name: 'sign out everywhere: every copy of the session fails its next check, in the jwt callback and at the gate' }],
    },
  },
  {
    name: 'Auth.js v5',
    pkg: 'next-auth-v5',
    version: '5.0.0-beta.32',
    api: {
      text: '`unstable_update(data)`, still marked unstable in 5.0.0-beta.32; or the client’s `update(data)`',
      sources: [
        { pkg: 'next-auth-v5', file: 'index.d.ts', line: 293, quote: 'unstable_update: (data: Partial<Session | {' },
        { test: 'tests/snippets/v5/unstable-update.test.ts', name: 're-issues the session from the row the mutation wrote, ignoring the data it was given' },
      ],
    },
    where: {
      text: 'Server Actions and route handlers: it sets the cookie through `cookies()`, which Next makes read-only in Server Components',
      sources: [
        { pkg: 'next-auth-v5', file: 'lib/actions.js', line: 82, quote: 'const cookieJar = await cookies();' },
        { pkg: 'next', file: 'dist/server/web/spec-extension/adapters/request-cookies.js', line: 52, quote: 'Cookies can only be modified in a Server Action or Route Handler.' },
      ],
    },
    requests: {
      text: '`unstable_update`: 0 extra (the action’s own answer). `update(data)`: 2; `update()` with no argument changes nothing',
      sources: [
        { test: 'tests/snippets/v5/unstable-update.test.ts', name: 're-issues the session from the row the mutation wrote, ignoring the data it was given' },
        { test: 'tests/snippets/v5/update.test.ts', name: 'with no argument is a GET: trigger is undefined and the claims stay stale; update({}) refreshes them' },
      ],
    },
    otherDevice: {
      text: 'As v4; `auth()` middleware runs the `jwt` callback on every request, so a re-read every N s reaches the gate within N s',
      sources: [{ test: V5_STALE, name: 'the middleware runs the jwt callback on every request; the row is read once per N seconds' }],
    },
    endOther: {
      text: 'As v4: only with a check of your own (per-user epoch)',
      sources: [{ test: V5_STALE, name: 'one read per matched request; sign out everywhere ends every copy of the session on its next request' }],
    },
  },
  {
    name: 'Better Auth',
    pkg: 'better-auth',
    version: '1.7.29',
    api: {
      text: 'A claim only the server sets (`input: false`): `auth.api.updateUser` refuses it (400), so the server writes it with `internalAdapter.updateUser`, then `getSession({ disableCookieCache })` re-issues the cookie cache',
      sources: [
        { test: BA_TEST, name: 'updateUser refuses an input:false field with 400 FIELD_NOT_ALLOWED, from the server API and over HTTP; a falsy value is dropped silently' },
        { pkg: 'better-auth', file: 'dist/db/schema.mjs', line: 80, quote: 'if (data[key]) throw APIError.from("BAD_REQUEST", {' },
        { pkg: 'better-auth', file: 'dist/db/internal-adapter.mjs', line: 681, quote: 'updateUser: async (userId, data) => {' },
      ],
    },
    where: {
      text: 'Server Actions and route handlers: `nextCookies()` writes the re-issued cookie through `cookies()`. In a Server Component it skips the refresh',
      sources: [
        { pkg: 'better-auth', file: 'dist/integrations/next-js.mjs', line: 94, quote: 'cookieHelper.set(key, value.value, toCookieOptions(value));' },
        { pkg: 'better-auth', file: 'dist/integrations/next-js.mjs', line: 69, quote: 'if (isRSC && !isServerAction) await setShouldSkipSessionRefresh(true);' },
      ],
    },
    requests: {
      text: '0 extra: the mutation’s answer carries the new cookie cache, and the gate verifies it with no database read. Without the cookie cache: 0 extra, and every lookup reads the database',
      sources: [
        { test: BA_TEST, name: 'one request: the internal adapter writes the row, getSession({ disableCookieCache }) re-issues the cookie cache in the same answer, and the gate reads the new claim with no database read' },
        { test: BA_TEST, name: 'without the cookie cache every session lookup reads the database' },
        { pkg: 'better-auth', file: 'dist/api/routes/session.mjs', line: 50, quote: 'const shouldUseCookieCache = cookieCacheEnabled && !ctx.query?.disableCookieCache;' },
      ],
    },
    otherDevice: {
      text: 'At its next database lookup: with the cookie cache on, when its cache expires (300 s unless `cookieCache.maxAge` says otherwise)',
      sources: [
        { test: BA_TEST, name: 'keeps the claim in its cookie cache, with no database read, until the cache expires; then it reads the row' },
        { test: BA_TEST, name: 'the cookie cache lives 300 s unless cookieCache.maxAge says otherwise' },
        { pkg: 'better-auth', file: 'dist/cookies/index.mjs', line: 50, quote: 'const sessionData = createCookie("session_data", { maxAge: options.session?.cookieCache?.maxAge || 300 });' },
      ],
    },
    endOther: {
      text: 'Yes: `revokeSession`, `revokeOtherSessions`, `revokeSessions` delete the rows; a cached copy still passes a cache-reading gate until it expires',
      sources: [
        { test: BA_TEST, name: 'revokeOtherSessions deletes the other session rows: the next database lookup finds none, while a cached copy still passes until it expires' },
        { pkg: 'better-auth', file: 'dist/api/routes/session.mjs', line: 485, quote: 'await Promise.all(otherSessions.map((session) => ctx.context.internalAdapter.deleteSession(session.token)));' },
      ],
    },
  },
  {
    name: 'Auth0 (nextjs-auth0 v4)',
    pkg: '@auth0/nextjs-auth0',
    version: '4.30.0',
    api: {
      text: '`auth0.updateSession(session)`, or `(req, res, session)`: re-encrypts the session cookie',
      sources: [
        { test: 'tests/unit/other-libraries/auth0.test.ts', name: 'one request: the answer carries the re-encrypted cookie, and the gate reads the new claim from it' },
      ],
    },
    where: {
      text: 'Server Actions and route handlers; middleware and the pages router with `(req, res, session)`. Not Server Components',
      sources: [
        { pkg: '@auth0/nextjs-auth0', file: 'dist/server/client.d.ts', line: 702, quote: 'This method can be used in Server Actions and Route Handlers in the **App Router**.' },
        { pkg: '@auth0/nextjs-auth0', file: 'dist/server/client.d.ts', line: 696, quote: 'This method can be used in middleware and `getServerSideProps`, API routes, and middleware in the **Pages Router**.' },
        { pkg: '@auth0/nextjs-auth0', file: 'dist/server/client.d.ts', line: 462, quote: 'NOTE: Server Components cannot set cookies.' },
      ],
    },
    requests: {
      text: '0 extra: the mutation’s answer carries the cookie; the gate decrypts it, no database',
      sources: [{ test: 'tests/unit/other-libraries/auth0.test.ts', name: 'one request: the answer carries the re-encrypted cookie, and the gate reads the new claim from it' }],
    },
    otherDevice: {
      text: 'Keeps its copy until it calls `getAccessToken({ refresh: true })` (or refreshes an expired token): `session.user` is then rebuilt from the new ID token (and `beforeSessionSaved` runs, if you set one). Otherwise until the session ends (3 days, or 1 day idle)',
      sources: [
        { test: 'tests/unit/other-libraries/auth0.test.ts', name: 'another device keeps its own encrypted copy, old claim and all' },
        { pkg: '@auth0/nextjs-auth0', file: 'dist/server/client.js', line: 400, quote: 'session.user = idTokenClaims;' },
        { pkg: '@auth0/nextjs-auth0', file: 'dist/server/client.js', line: 404, quote: 'const finalSession = await authClient.finalizeSession({ ...session, ...sessionChanges }, tokenSet.idToken);' },
        { pkg: '@auth0/nextjs-auth0', file: 'dist/server/session/abstract-session-store.js', line: 3, quote: 'absoluteDuration = 60 * 60 * 24 * 3' },
        { pkg: '@auth0/nextjs-auth0', file: 'dist/server/session/abstract-session-store.js', line: 4, quote: 'inactivityDuration = 60 * 60 * 24 * 1' },
      ],
    },
    endOther: {
      text: 'Not with the default cookie store. With a `sessionStore` (your database): yes, and back-channel logout from Auth0',
      sources: [
        { test: 'tests/unit/other-libraries/auth0.test.ts', name: 'with the default cookie store, the server cannot end another device’s session: back-channel logout needs a session store' },
      ],
    },
  },
  {
    name: 'Clerk',
    pkg: '@clerk/backend',
    version: '3.25.0',
    api: {
      text: '`clerkClient.users.updateUserMetadata()` on Clerk’s servers; then `user.reload()` or `session.getToken({ skipCache: true })` in the browser',
      sources: [
        { pkg: '@clerk/backend', file: 'dist/api/endpoints/UserApi.d.ts', line: 422, quote: 'updateUserMetadata(userId: string, params: UserMetadataParams): Promise<User>;' },
        { pkg: '@clerk/shared', file: 'dist/types/resource.d.ts', line: 21, quote: 'reload(p?: ClerkResourceReloadParams): Promise<this>;' },
        { pkg: '@clerk/shared', file: 'dist/types/session.d.ts', line: 456, quote: 'skipCache?: boolean;' },
      ],
    },
    where: {
      text: 'Metadata: any server code (it is an API call). The new token: the browser (Clerk’s client refreshes it)',
      sources: [{ docs: 'https://clerk.com/docs/guides/development/add-onboarding-flow', says: 'the onboarding guide: a Server Action updates publicMetadata, then the client calls user.reload()' }],
    },
    requests: {
      text: '1 extra after the mutation (a new token from Clerk); without it, up to the token’s one minute',
      sources: [
        { pkg: '@clerk/shared', file: 'dist/types/session.d.ts', line: 246, quote: 'The TTL for a Clerk token is one minute.' },
        { test: 'tests/unit/other-libraries/clerk.test.ts', name: 'sees the claim the token was minted with: old until a new token, new after' },
      ],
    },
    otherDevice: {
      text: 'At its next token refresh: within about a minute. The gate verifies the token with no network and no database',
      sources: [
        { test: 'tests/unit/other-libraries/clerk.test.ts', name: 'a token past its minute is refused: the window is the token’s lifetime' },
        { pkg: '@clerk/backend', file: 'dist/tokens/verify.d.ts', line: 21, quote: 'Networkless if the `jwtKey` is provided.' },
      ],
    },
    endOther: {
      text: 'Yes: `sessions.revokeSession(id)`; its last token stays valid until it expires',
      sources: [{ pkg: '@clerk/backend', file: 'dist/api/endpoints/SessionApi.d.ts', line: 60, quote: 'revokeSession(sessionId: string): Promise<Session>;' }],
    },
  },
  {
    name: 'Supabase',
    pkg: '@supabase/auth-js',
    version: '2.119.2',
    api: {
      text: '`auth.admin.updateUserById(id, { app_metadata })` (or a custom access token hook), then `auth.refreshSession()`',
      sources: [
        { pkg: '@supabase/auth-js', file: 'dist/module/GoTrueAdminApi.d.ts', line: 575, quote: 'updateUserById(uid: string, attributes: AdminUserAttributes): Promise<UserResponse>;' },
        { pkg: '@supabase/auth-js', file: 'dist/module/GoTrueClient.d.ts', line: 1975, quote: 'refreshSession(currentSession?: {' },
      ],
    },
    where: {
      text: 'Server Actions and route handlers (with @supabase/ssr writing the cookies), the browser; not Server Components',
      sources: [{ docs: 'https://supabase.com/docs/guides/auth/server-side/creating-a-client', says: 'setAll from a Server Component can be ignored if middleware refreshes sessions' }],
    },
    requests: {
      text: '1 extra call to Supabase Auth (`refreshSession`); `updateUser` then `refreshSession` can fail with “Invalid Refresh Token: Already Used” (supabase#16225)',
      sources: [
        { pkg: '@supabase/auth-js', file: 'dist/module/GoTrueClient.js', line: 3745, quote: "err.code === 'refresh_token_already_used' ||" },
        { docs: 'https://github.com/supabase/supabase/issues/16225', says: 'updateUser then refreshSession: Invalid Refresh Token: Already Used' },
      ],
    },
    otherDevice: {
      text: 'When its access token expires and is refreshed (the project’s JWT expiry, usually 5 minutes to 1 hour)',
      sources: [
        { pkg: '@supabase/auth-js', file: 'dist/module/GoTrueClient.d.ts', line: 2005, quote: 'There is no way to revoke a user\'s access token jwt until it expires.' },
        { docs: 'https://supabase.com/docs/guides/auth/sessions', says: 'access tokens are short lived, usually between 5 minutes and 1 hour' },
      ],
    },
    endOther: {
      text: 'Yes for the refresh token: `auth.admin.signOut(jwt, "others" | "global")`; its access token lives until it expires',
      sources: [
        { pkg: '@supabase/auth-js', file: 'dist/module/GoTrueAdminApi.d.ts', line: 61, quote: 'signOut(jwt: string, scope?: SignOutScope): Promise<{' },
        { pkg: '@supabase/auth-js', file: 'dist/module/GoTrueClient.d.ts', line: 2005, quote: 'There is no way to revoke a user\'s access token jwt until it expires.' },
      ],
    },
  },
  {
    name: 'WorkOS AuthKit',
    pkg: '@workos-inc/authkit-nextjs',
    version: '4.3.2',
    api: {
      text: 'Change the role or membership at WorkOS, then `refreshSession()` on the server or `refreshAuth()` in a client component',
      sources: [
        { pkg: '@workos-inc/authkit-nextjs', file: 'README.md', line: 563, quote: 'Use the `refreshSession` method in a server action or route handler' },
        { pkg: '@workos-inc/authkit-nextjs', file: 'README.md', line: 567, quote: 'In client components, you can refresh the session with the `refreshAuth` hook.' },
      ],
    },
    where: {
      text: 'Server Actions and route handlers (it sets the cookie through `cookies()`); `refreshAuth()` in the browser',
      sources: [
        { pkg: '@workos-inc/authkit-nextjs', file: 'dist/esm/session.js', line: 303, quote: 'await saveSession(refreshResult, url || WORKOS_REDIRECT_URI);' },
        { pkg: '@workos-inc/authkit-nextjs', file: 'dist/esm/session.js', line: 567, quote: 'nextCookies.set(cookieName, encryptedSession, getCookieOptions(url));' },
      ],
    },
    requests: {
      text: '1 extra call to WorkOS (a refresh-token exchange), in the action itself; the cookie leaves in its answer',
      sources: [{ pkg: '@workos-inc/authkit-nextjs', file: 'dist/esm/session.js', line: 303, quote: 'await saveSession(refreshResult, url || WORKOS_REDIRECT_URI);' }],
    },
    otherDevice: {
      text: 'When its middleware refreshes an access token that has expired or is within 60 s of it (30 s for tokens of 5 minutes or less); the token’s lifetime is set in the WorkOS dashboard',
      sources: [
        { pkg: '@workos-inc/authkit-nextjs', file: 'dist/esm/session.js', line: 144, quote: 'const isExpiring = hasValidSession && isTokenExpiring(session.accessToken, options.refreshBufferSeconds);' },
        { pkg: '@workos-inc/authkit-nextjs', file: 'README.md', line: 840, quote: 'The proxy/middleware proactively refreshes the session when the access token is within a buffer of its expiry' },
        { docs: 'https://workos.com/docs/authkit/sessions', says: 'access token duration is one of the session settings in the WorkOS dashboard' },
      ],
    },
    endOther: {
      text: 'Yes: `userManagement.revokeSession({ sessionId })`; its access token stays valid until it expires',
      sources: [{ pkg: '@workos-inc/node', file: 'lib/factory-CW0E3JEC.d.mts', line: 8944, quote: 'revokeSession(payload: RevokeSessionOptions): Promise<void>;' }],
    },
  },
  {
    name: 'iron-session',
    pkg: 'iron-session',
    version: '9.0.1',
    api: {
      text: 'Change the field, then `session.save()`: the session is re-sealed into the cookie',
      sources: [{ test: 'tests/unit/other-libraries/iron-session.test.ts', name: 'one request: the answer carries the new cookie, and the gate lets the next page through' }],
    },
    where: {
      text: 'Wherever the response is at hand: route handler, Server Action, middleware (`nextProxyCookies`), API route. Not Server Components',
      sources: [
        { test: 'tests/unit/other-libraries/iron-session.test.ts', name: 'not from a Server Component: Next’s read-only cookies() there refuses the write save() makes' },
        { pkg: 'iron-session', file: 'dist/index.js', line: 159, quote: 'headers.append("set-cookie", serializeCookie(name, value, options));' },
        { pkg: 'iron-session', file: 'dist/index.js', line: 198, quote: 'cookieStore.set(name, value, options);' },
        { pkg: 'iron-session', file: 'dist/index.js', line: 187, quote: 'response.cookies.set(name, value, options);' },
        { pkg: 'iron-session', file: 'dist/index.js', line: 137, quote: 'res.setHeader("set-cookie", [...previous, serializeCookie(name, value, options)]);' },
      ],
    },
    requests: {
      text: '0 extra: the mutation’s answer carries the cookie; the gate unseals it, no database',
      sources: [{ test: 'tests/unit/other-libraries/iron-session.test.ts', name: 'one request: the answer carries the new cookie, and the gate lets the next page through' }],
    },
    otherDevice: {
      text: 'Never by itself: its sealed copy holds the old claim until it expires (14 days by default)',
      sources: [
        { test: 'tests/unit/other-libraries/iron-session.test.ts', name: 'another device keeps its own sealed copy: the server has nothing to change or revoke until it expires' },
        { pkg: 'iron-session', file: 'dist/index.js', line: 9, quote: 'ttl: fourteenDaysInSeconds' },
      ],
    },
    endOther: {
      text: 'No: nothing is stored on the server. Only with a list of your own the gate checks',
      sources: [{ test: 'tests/unit/other-libraries/iron-session.test.ts', name: 'another device keeps its own sealed copy: the server has nothing to change or revoke until it expires' }],
    },
  },
]
