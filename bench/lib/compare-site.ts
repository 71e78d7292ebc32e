// BENCH_COMPARE_DIR for `npm run bench:pages`: another checkout's production build (say, the commit before a
// change: `git clone . /tmp/before && cd /tmp/before && ln -s <this>/node_modules . && npm run build`), served
// beside this one, its pages interleaved with this build's and the baseline's in the same run. Before and after
// then share the run's load, which on this shared machine moves blocking time by up to 5× between runs.
import { resolve } from 'node:path'
import { startServer } from '../../tests/support/server'

export interface CompareSite {
  dir: string
  url: string
  stop(): Promise<void>
}

/** The tests' own `npm start` (tests/support/server.ts), run in that checkout with a throwaway DATA_DIR. */
export async function startCompareSite(dir: string): Promise<CompareSite> {
  const root = resolve(dir)
  const server = await startServer({ root })
  return { dir: root, url: server.url, stop: () => server.stop({ clean: true }) }
}
