import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { STARTER_UNIT_TESTS, nextAuthV5, starterPaths } from './vitest.config.mts'

// `npm run test:mutation` (stryker.config.mjs): the fast tests (the `unit` project of vitest.config.mts) alone,
// without the JSON reporter, so Stryker can run them once per mutant. The starters' files resolve as in `unit`.
// MUTATION_TESTS=<file>,<file> narrows the run to those test files, to judge one file's module-level mutants (each
// reruns every test) in minutes: a mutant they kill is killed; one they miss may still die in a whole run.
const only = process.env.MUTATION_TESTS?.split(',').filter(Boolean)

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  plugins: [starterPaths(), nextAuthV5()],
  test: {
    include: only ?? ['tests/unit/**/*.test.ts', ...STARTER_UNIT_TESTS],
    // These read the presets' source text (`?raw`, line numbers), which Stryker's instrumented copy changes; the
    // presets' behaviour is tested by lab-presets.test.ts, which imports them. The others test no mutated file and
    // only slow down the runs Stryker makes for mutants in module-level code (each such mutant reruns every test).
    // (users.test.ts runs: demo/users.ts is mutated since issue 22, its writes being where a refused session stops.)
    // starter-zip lists the starters' files with `git ls-files`, which finds none inside Stryker's git-ignored sandbox.
    // code-as-page-data tests the MDX build plugin (no security code) and loads every Shiki grammar: seconds per run.
    // code-highlights holds the pages' line highlights to the files' text, which Stryker's sandbox changes (it rewrites
    // the top of every TypeScript file to disable type checks, moving lines): no security code.
    // other-libraries checks the comparison table against other auth libraries: none of the demo's or starters' code.
    exclude: ['tests/unit/code-as-page-data.test.ts', 'tests/unit/lab-flow.test.ts', 'tests/unit/lab-compile.test.ts', 'tests/unit/guide-snippets.test.ts', 'tests/unit/runtime-config.test.ts', 'tests/unit/starter-zip.test.ts', 'tests/unit/code-highlights.test.ts', 'tests/unit/other-libraries/**'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 20_000,
    server: { deps: { inline: [/next-auth-v5/] } },
  },
})
