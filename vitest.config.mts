import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vitest/config'

const alias = { '@': fileURLToPath(new URL('.', import.meta.url)) }

/**
 * The v5 snippets (and the v5 starter's files that tests/snippets/v5 runs in process) import `next-auth` and `@auth/core` as readers write them. Next to next-auth 4 (the demo's),
 * those names mean the 5.0.0-beta installed as `next-auth-v5` and the @auth/core it depends on, but only
 * for files under content/v5, tests/snippets/v5 and tests/claims/v5 (content/v5/tsconfig.json maps them the same way).
 */
export function nextAuthV5(): Plugin {
  const require = createRequire(import.meta.url)
  const v5Dir = dirname(require.resolve('next-auth-v5/package.json'))
  const isV5 = (importer?: string) => !!importer && (/[/\\](content|tests[/\\](snippets|claims))[/\\]v5[/\\]/.test(importer) || inStarterV5(importer))
  return {
    name: 'next-auth-v5-for-v5-snippets',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!isV5(importer)) return null
      if (source === 'next-auth' || source.startsWith('next-auth/')) {
        return this.resolve(source.replace(/^next-auth/, 'next-auth-v5'), importer, { ...options, skipSelf: true })
      }
      if (source === '@auth/core' || source.startsWith('@auth/core/')) {
        return this.resolve(source, `${v5Dir}/index.js`, { ...options, skipSelf: true })
      }
      return null
    },
  }
}

const inStarterV5 = (importer?: string) => !!importer && /[/\\]starters[/\\]authjs-v5[/\\]/.test(importer)

/** The starters' own path alias (their tsconfigs: "~/*" -> "./src/*"), for their files run in process here. */
export function starterPaths(): Plugin {
  const src = (starter: string) => fileURLToPath(new URL(`./starters/${starter}/src/`, import.meta.url))
  return {
    name: 'starter-paths',
    enforce: 'pre',
    resolveId(source, importer, options) {
      const starter = source.startsWith('~/') && importer ? /[/\\]starters[/\\](authjs-v5|better-auth)[/\\]/.exec(importer)?.[1] : undefined
      if (!starter) return null
      return this.resolve(src(starter) + source.slice(2), importer, { ...options, skipSelf: true })
    },
  }
}

/**
 * The starters' own tests of their pure checks (the sign-in redirect, the mutation routes' JSON/same-origin guard,
 * the re-issued cookie's name and flags, the sign-in refusal), run by `npm run test:unit` and the mutation run too
 * (issue 22): they need no build and no server. Their providers: tests/unit/starter-ticket-providers.test.ts.
 */
export const STARTER_UNIT_TESTS = [
  'starters/next-auth-v4/tests/unit/{safe-callback,request-guards,reissue-session,session-cookie-name,sign-in-refusal}.test.ts',
  'starters/authjs-v5/tests/{safe-callback,same-origin}.test.ts',
  'starters/better-auth/tests/unit/{safe-redirect,same-origin,gate-and-onboarding}.test.ts',
]

export default defineConfig({
  resolve: { alias },
  test: {
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        resolve: { alias },
        // The starters' files (v5's provider and same-origin guard, Better Auth's) resolve `~/` (and v5's `next-auth`) as in the starter.
        plugins: [starterPaths(), nextAuthV5()],
        // tsconfig.json keeps JSX for Next ("preserve"); a test that renders a component (tests/unit/starters-bench.test.ts)
        // needs it compiled, with React's automatic runtime as Next uses it.
        oxc: { jsx: { runtime: 'automatic' } },
        // No build, no browser: milliseconds. Also what `npm run test:mutation` runs (stryker.config.mjs).
        // testTimeout: milliseconds on an idle machine, but this one is shared (load 30 on 2 cores seen).
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', ...STARTER_UNIT_TESTS],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
          testTimeout: 20_000,
          server: { deps: { inline: [/next-auth-v5/] } },
        },
      },
      {
        resolve: { alias },
        plugins: [starterPaths(), nextAuthV5()],
        // The guide's snippets (content/), run against the real next-auth 4 and 5 handlers, in process.
        test: {
          name: 'snippets',
          include: ['tests/snippets/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          // next-auth 5 imports 'next/server' without an extension, which Node's ESM loader refuses: let Vite resolve it.
          server: { deps: { inline: [/next-auth-v5/] } },
        },
      },
      {
        resolve: { alias },
        plugins: [starterPaths(), nextAuthV5()],
        // The guide's claims (<Claim id> in pages/), each tested against the real library: tests/claims/v4 through
        // next-auth 4, tests/claims/v5 through next-auth 5 / @auth/core, tests/claims/better-auth through better-auth.
        test: {
          name: 'claims',
          include: ['tests/claims/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/unit/setup.ts'],
          testTimeout: 20_000,
          server: { deps: { inline: [/next-auth-v5/] } },
        },
      },
      // The module augmentations (content/v4|v5/next-auth.d.ts): expectTypeOf checks, run by tsc through vitest's
      // typecheck mode with each version's own tsconfig; a type error anywhere in that project fails it too.
      ...(['v4', 'v5'] as const).map((v) => ({
        resolve: { alias },
        test: {
          name: `types-${v}`,
          include: [],
          typecheck: { enabled: true, only: true, include: [`tests/snippets/${v}/**/*.test-d.ts`], tsconfig: `content/${v}/tsconfig.json` },
        },
      })),
      {
        resolve: { alias },
        // Against the production build, each file with its own server, port and DATA_DIR.
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 120_000 },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Browsers are heavy on a 2-core machine: one file at a time.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        // Each starter from its zip: offline install, its own `npm test`, then the contract in Chromium
        // (starters/CONTRACT.md). Minutes per starter: installs and builds dominate.
        test: {
          name: 'starters',
          include: ['tests/starters/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 2_700_000, // install (compiles better-sqlite3) + build + own tests; 30 min was not enough on a loaded 2-core machine
          fileParallelism: false,
        },
      },
    ],
  },
})
