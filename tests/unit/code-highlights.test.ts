// The lines a page highlights in a code block ({3-5} in the fence's meta) mark what the prose around it points at.
// A highlight is a line number, and the file it numbers is edited elsewhere (a starter, content/): this test holds
// each highlight to its content. For every highlighted block, WANTED names per range what the range must hold:
// the first string on the range's first line, every other string somewhere in the range. A new highlight, or a
// range that moved, fails until it is recorded here.
import { describe, expect, it } from 'vitest'
import { blocks, shownLines, type Block } from '../support/guide-blocks'

/** Keyed by the block's source as its fence names it (path, and #Lx-Ly when it shows a range), then by range. */
const WANTED: Record<string, Record<string, string[]>> = {
  // built-in-update.mdx
  'content/v4/update-callbacks.ts': { '15-25': ["trigger === 'update'", 'db.findUser', 'token.name = wanted.data.name'] },
  'starters/next-auth-v4/lib/auth-options.ts#L82-L101': {
    '3-7': ['Every sign-in, OAuth included', "throw new Error('Unknown user.')"],
    '12-17': ["trigger === 'update'", 'findUserById', 'tokenWithRow(token, row)'],
  },
  'starters/next-auth-v4/pages/onboarding.tsx#L31-L59': { '6': ["fetch('/api/onboarding/complete'"], '16-17': ['await update()', 'The session was not update'] },
  'content/v5/update-callbacks.ts': { '14-24': ['update() with no argument is a GET', "trigger === 'update'", 'token.name = wanted.data.name'] },
  'starters/authjs-v5/src/server/auth/config.ts#L46-L54': { '3-8': ["trigger === 'update'", 'findUserById', 'return token'] },
  'starters/authjs-v5/src/app/providers.tsx': { '9': ['<SessionProvider'] },
  'starters/authjs-v5/src/app/onboarding/onboarding-panel.tsx#L47-L53': { '5': ['await update({})'] },
  // hardening.mdx
  'starters/next-auth-v4/lib/auth-options.ts#L82-L92': { '8-9': ['A ticket continues the current session', 'user.sid'] },
  'starters/authjs-v5/src/server/auth/config.ts#L34-L45': { '8-9': ['A new session id per real sign-in', 'user.sid'] },
  'starters/next-auth-v4/lib/complete-onboarding.ts#L19-L31': { '11': ['issueTicket('] },
  'starters/authjs-v5/src/server/onboarding.ts#L26-L31': { '4': ['issueTicket('] },
  'starters/next-auth-v4/lib/auth-options.ts#L37-L52': { '7-11': ['No current session', 'verifyTicket', 'another user', 'another session', 'not newer than your session'] },
  'starters/authjs-v5/src/server/auth/session-update-provider.ts': {
    '28-40': ['getToken(', 'no_session', 'verifyTicket', 'foreign_user', 'foreign_session', 'stale_ticket', 'return { id: current.sub'],
  },
  'starters/next-auth-v4/pages/onboarding.tsx#L48-L51': { '2-4': ["signIn('session-update'", 'signInRefusal', 'throw new Error(refusal)'] },
  'starters/authjs-v5/src/app/onboarding/onboarding-panel.tsx#L54-L61': { '4': ["signIn('session-update'"], '7': ['result.error'] },
  'content/v4/reread-provider.ts': { '13': ['db.findUser(current.sub)'] },
  // middleware.mdx
  'content/v4/middleware.ts': { '7-9': ["onboardingStep === 'COMPLETED'", 'NextResponse.redirect'] },
  'starters/next-auth-v4/proxy.ts': { '14-18': ['cookie name next-auth used', 'getToken(', 'return redirect(req, ONBOARDING'], '35': ['matcher'] },
  'starters/authjs-v5/src/proxy.ts': { '11': ['uncachedAuth('], '19-21': ["onboardingStep !== 'COMPLETED'", 'NextResponse.redirect'], '29': ['matcher'] },
  'content/v5/middleware.ts': { '9-11': ["onboardingStep !== 'COMPLETED'", 'NextResponse.redirect'] },
  // pass-through.mdx
  'content/v4/naive-provider.ts': { '11': ['JSON.parse(credentials.user)'] },
  'content/v5/naive-provider.ts': { '9': ['JSON.parse(credentials.user)'] },
  'content/v4/claims-callbacks.ts': { '8-10': ['token.role = user.role', 'token.ver = user.ver'] },
  'content/v5/claims-callbacks.ts': { '7-9': ['token.role = user.role', 'token.ver = user.ver'] },
  'content/v4/complete-onboarding.ts': { '14-17': ['result?.error', "get('csrf') === 'true'", 'The session was not updated'] },
  // server-side-update.mdx
  'starters/next-auth-v4/pages/api/onboarding/complete.ts': { '15': ['completeOnboardingRequest('], '18-20': ["strategy === 'response'", 'reissueSession(req, res'] },
  'starters/next-auth-v4/app/api/onboarding/complete-app/route.ts': { '23': ['completeOnboardingRequest('], '27-29': ["strategy === 'response'", 'reissueSessionOn('] },
  'content/v4/reissue-session-pages-route.ts': { '16': ['await reissueSession('] },
  'content/v4/reissue-session-app-route.ts': { '13-15': ['NextResponse.json', 'sessionCookies(claims'] },
  'starters/authjs-v5/src/server/auth/config.ts#L34-L63': { '15-20': ["trigger === 'update'", 'findUserById', 'return token'] },
  'starters/authjs-v5/src/server/api/routers/onboarding.ts': { '19': ['unstable_update({})'] },
  'starters/authjs-v5/src/app/api/onboarding/complete/route.ts': { '28': ['completeOnboarding('], '30': ['unstable_update({})'] },
  'starters/authjs-v5/src/app/onboarding/actions.ts': { '17': ['unstable_update({})'] },
  'content/v5/unstable-update-callbacks.ts': { '14-22': ["trigger === 'update'", 'db.findUser', 'token.ver = row.version'] },
  // someone-else-changes.mdx: the re-read, the end of a revoked session, the copied claims, the new checkedAt
  'content/v4/stale-throttled.ts': { '19-27': ['RECHECK_SECONDS', 'db.findUser', "throw new Error('Session revoked')", 'token.checkedAt = now'] },
  'content/v5/stale-throttled.ts': { '20-27': ['RECHECK_SECONDS', 'db.findUser', 'return null', 'token.checkedAt = now'] },
  // testing.mdx
  'content/v4/testing/serve-auth.ts': { '25': ['await NextAuth('] },
  'content/v5/testing/auth-fetch.ts': { '8': ['Auth(new Request'] },
  // the-attack.mdx
  'content/attack/naive-provider.sh': { '9': ['/api/auth/csrf'], '12-15': ['callback/session-update-naive', 'json=true'], '18': ['/api/auth/session'] },
  // other-libraries.mdx (the Server Action's unstable_update is shown above, under server-side-update)
  'content/other/auth0.ts': { '14': ['auth0.updateSession('] },
  'content/other/clerk.ts': { '8': ['updateUserMetadata('], '13-14': ['user.reload()', 'skipCache: true'] },
  'content/other/supabase.ts': { '8': ['updateUserById('], '10': ['auth.refreshSession()'] },
  'content/other/workos.ts': { '8-9': ['updateOrganizationMembership(', 'refreshSession('] },
  'content/other/iron-session.ts': { '22-23': ["session.onboardingStep = 'COMPLETED'", 'session.save()'] },
  // better-auth.mdx: the claim as a column and as an input:false field, the cache, the gate's two paths, the update
  'starters/next-auth-v4/lib/db/schema.ts': { '9': ["onboardingStep: text('onboarding_step')"] },
  'starters/authjs-v5/src/server/db/schema.ts#L1-L30': { '16': ["onboardingStep: d.varchar('onboarding_step'"] },
  'starters/better-auth/src/server/db/schema.ts#L1-L19': { '18': ["onboardingStep: text('onboarding_step')"] },
  'starters/better-auth/src/server/better-auth/config.ts': { '42': ['input: false'], '46': ['cookieCache:'], '63': ['nextCookies()'] },
  'starters/better-auth/src/proxy.ts': { '18-19': ['getCookieCache(', 'NextResponse.next()'], '21-25': ['auth.api.getSession('] },
  'starters/better-auth/src/server/onboarding.ts': { '11-13': ['internalAdapter', 'disableCookieCache: true'] },
  'starters/better-auth/src/app/api/onboarding/complete/route.ts': { '31': ['completeOnboarding('] },
  'starters/better-auth/src/app/dashboard/sign-out-everywhere.tsx': { '14': ['revokeOtherSessions()'] },
  // typescript.mdx
  'content/v4/next-auth.d.ts': { '18': ["declare module 'next-auth/jwt'"] },
  'content/v5/next-auth.d.ts': { '17': ["declare module '@auth/core/jwt'"] },
}

const HIGHLIGHT = /(?:^|\s)\{([\d,\s-]+)\}/
const source = (b: Block) => (b.file ? `${b.file}${b.from ? `#L${b.from}-L${b.to}` : ''}` : `${b.page} (inline)`)
const highlighted = blocks().flatMap((b) => {
  const m = HIGHLIGHT.exec(b.meta)
  return m ? [{ block: b, ranges: m[1].split(',').map((r) => r.trim()) }] : []
})

describe('code highlights point at what the prose says', () => {
  it('finds the highlighted blocks, and every one has its expected content recorded', () => {
    expect(highlighted.length).toBeGreaterThan(30)
    const missing = highlighted.flatMap(({ block, ranges }) => {
      const wanted = WANTED[source(block)]
      return ranges.filter((r) => !wanted?.[r]).map((r) => `${block.page}: ${source(block)} {${r}}`)
    })
    expect(missing).toEqual([])
  })

  it('records no highlight the pages no longer make', () => {
    const made = new Set(highlighted.flatMap(({ block, ranges }) => ranges.map((r) => `${source(block)} {${r}}`)))
    const stale = Object.entries(WANTED).flatMap(([src, ranges]) => Object.keys(ranges).map((r) => `${src} {${r}}`)).filter((k) => !made.has(k))
    expect(stale).toEqual([])
  })

  it.each(highlighted.map(({ block, ranges }) => [`${block.page}: ${source(block)} {${ranges.join(',')}}`, block, ranges] as const))(
    '%s',
    (_, block, ranges) => {
      const lines = shownLines(block)
      for (const range of ranges) {
        const [first, last = first] = range.split('-').map(Number)
        const marked = lines.slice(first - 1, last)
        const [onFirst, ...inside] = WANTED[source(block)]?.[range] ?? []
        expect(marked.length, `{${range}} runs past the ${lines.length} lines shown`).toBe(last - first + 1)
        expect(marked[0].trim(), `{${range}} starts on a blank line`).not.toBe('')
        expect(marked.at(-1)!.trim(), `{${range}} ends on a blank line`).not.toBe('')
        expect(marked[0], `{${range}}: its first line`).toContain(onFirst)
        for (const text of inside) expect(marked.join('\n'), `{${range}}`).toContain(text)
      }
    },
  )
})
