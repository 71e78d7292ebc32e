// `npm run test:mutation`: how much of the demo's security code the fast tests (tests/unit) really check.
// Each mutant is a small change to one of these files (a condition flipped, a check removed); a test must fail.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'demo/tickets.ts',
    'demo/providers/*.ts',
    'demo/auth-options.ts',
    'demo/claims.ts',
    'demo/cookie-budget.ts',
    'demo/session-cookie.ts',
    'demo/secret.ts',
    'demo/gate.ts',
    'middleware.ts',
    'demo/safe-redirect.ts',
    // Issue 22: every file that decides who gets a session or a write.
    'demo/session-access.ts',
    'demo/stale/*.ts',
    'demo/guest-limits.ts',
    'demo/abuse-config.ts',
    'demo/csrf.ts',
    'demo/reissue-session.ts',
    'demo/users.ts',
    'security/headers.mjs',
    'demo/api/*.ts',
    'content/shared/*.ts',
    'content/lab/*/auth.ts',
    // The hardened ticket the guide shows comes from the starters: their ticket modules (tests/unit/starter-tickets.test.ts).
    'starters/next-auth-v4/lib/ticket.ts',
    'starters/authjs-v5/src/server/ticket.ts',
    // The lab sandbox's path (its policy is security/headers.mjs's sandboxPolicy()). The rest of lab/ (the worker,
    // run, evaluate, flow, the cookie jar...) decides nothing about who gets a session or a write on this site: it
    // runs the reader's own code and Auth.js against the lab's in-memory server (content/lab/server.ts, its LAB_SECRET)
    // in the reader's browser, inside the sandboxed frame. Its containment is that frame's CSP and sandbox (the two
    // files here); evaluate.ts's import list is a convenience, not a boundary (the code could reach any global).
    'lab/sandbox-path.mjs',
    // The starters' own gates (issue 22): the ticket providers (tests/unit/starter-ticket-providers.test.ts), the
    // sign-in redirect and the mutation routes' JSON/same-origin guard (the starters' tests of them, in `unit`).
    'starters/next-auth-v4/lib/safe-callback.ts',
    'starters/next-auth-v4/lib/request-guards.ts',
    'starters/next-auth-v4/lib/session-cookie.ts',
    // Its two credentials providers (dev sign-in, the ticket), lines 21-52; its callbacks are the starter's own suite's (DB).
    'starters/next-auth-v4/lib/auth-options.ts:21-52',
    'starters/authjs-v5/src/lib/safe-callback.ts',
    'starters/authjs-v5/src/lib/same-origin.ts',
    'starters/authjs-v5/src/server/auth/session-update-provider.ts',
    // The Better Auth starter: its sign-in redirect, the onboarding route (JSON, origin check, body) and its write,
    // and the onboarding gate (tests in starters/better-auth/tests/unit, in `unit`; the gate and the write on the
    // real Better Auth over PGlite, seconds per run).
    'starters/better-auth/src/server/safe-redirect.ts',
    'starters/better-auth/src/server/same-origin.ts',
    'starters/better-auth/src/server/onboarding.ts',
    'starters/better-auth/src/app/api/onboarding/complete/route.ts',
    'starters/better-auth/src/proxy.ts',
  ],
  concurrency: 2,
  timeoutMS: 20_000,
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'test-results/mutation/index.html' },
  jsonReporter: { fileName: 'test-results/mutation/mutation.json' },
  // `npm run test:mutation -- --incremental` keeps each mutant's result here (git-ignored) and, next time, reruns only
  // the mutants whose code or covering tests changed. Only on whole runs: a `--mutate` run would rewrite it with its
  // own files alone.
  incrementalFile: 'test-results/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
