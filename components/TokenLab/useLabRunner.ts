import { useCallback, useEffect, useRef, useState } from 'react'
import type { CodeError } from '@/lab/code-error'
import type { LabResult, RunRequest } from '@/lab/protocol'
import { runInWorker, spawnLabWorker, type ReadyWorker } from './lab-worker'

export const RUN_TIMEOUT_MS = 2000

export type LabStatus =
  | { state: 'loading' }
  | { state: 'running' }
  | { state: 'done'; ms: number; compiled: boolean }
  | { state: 'failed' }
  /** recoveryMs: from the stop to a fresh worker ready; workerStartMs: how long that worker took to load, ahead of time. */
  | { state: 'stopped'; recoveryMs: number; workerStartMs: number }

export interface LabState {
  status: LabStatus
  /** The last run whose update flow raised no error: it stays on screen while the code is broken. */
  result: LabResult | null
  /** The last run of the preset's own code, unedited: what the reader's edits are compared with. */
  unedited: LabResult | null
  errors: CodeError[]
}

/**
 * Runs the lab in a worker, newest request first: while one run is in flight only the latest edit waits. A run
 * over RUN_TIMEOUT_MS is stopped by terminating its worker; a spare, already loaded, takes over at once.
 */
export function useLabRunner() {
  const [state, setState] = useState<LabState>({ status: { state: 'loading' }, result: null, unedited: null, errors: [] })
  const active = useRef<Promise<ReadyWorker> | null>(null)
  const spare = useRef<Promise<ReadyWorker> | null>(null)
  const busy = useRef(false)
  const pending = useRef<Omit<RunRequest, 'id'> | null>(null)
  const nextId = useRef(1)
  // Ids of the newest request and of the newest compile error: an older answer may not hide a newer error.
  const newest = useRef(0)
  const disposed = useRef(false)

  const drain = useCallback(async () => {
    if (busy.current || !pending.current || !active.current) return
    busy.current = true
    const request = { ...pending.current, id: nextId.current++ }
    newest.current = request.id
    pending.current = null
    const stale = () => newest.current !== request.id
    setState((s) => ({ ...s, status: s.status.state === 'loading' ? s.status : { state: 'running' } }))
    try {
      const { worker } = await active.current
      const answer = await runInWorker(worker, request, RUN_TIMEOUT_MS)
      if (disposed.current) return
      if (answer === 'timeout') {
        const stopped = performance.now()
        worker.terminate()
        active.current = spare.current ?? spawnLabWorker()
        spare.current = spawnLabWorker()
        const { startMs: workerStartMs } = await active.current
        const recoveryMs = performance.now() - stopped
        const error = { message: `Stopped: the run did not finish in ${RUN_TIMEOUT_MS / 1000} s (an endless loop?). A fresh worker took over.` }
        setState((s) => ({ ...s, status: { state: 'stopped', recoveryMs, workerStartMs }, errors: stale() ? s.errors : [error] }))
      } else if (answer.kind === 'failed') {
        if (!stale()) setState((s) => ({ ...s, status: { state: 'failed' }, errors: [answer.error] }))
      } else if (answer.kind === 'result') {
        const { result } = answer
        const failed = result.errors.length > 0
        const unedited = (s: LabState) => (failed || request.compiled ? s.unedited : result)
        setState((s) => {
          if (stale()) return failed ? s : { ...s, result, unedited: unedited(s) }
          return {
            status: failed ? { state: 'failed' } : { state: 'done', ms: result.ms, compiled: Boolean(request.compiled) },
            result: failed ? s.result : result,
            unedited: unedited(s),
            errors: result.errors,
          }
        })
      }
    } catch (error) {
      setState((s) => ({ ...s, status: { state: 'failed' }, errors: [{ message: (error as Error).message }] }))
    } finally {
      busy.current = false
      void drain()
    }
  }, [])

  useEffect(() => {
    disposed.current = false
    active.current ??= spawnLabWorker()
    // The spare loads after the first worker, not beside it: on a small machine they would slow each other down.
    spare.current ??= active.current.then(spawnLabWorker, spawnLabWorker)
    // The editors asked for their first run before this effect (children's effects run first): serve it now.
    void drain()
    return () => {
      disposed.current = true
      // Not at once: React's StrictMode unmounts and mounts again at once, and should keep these workers.
      setTimeout(() => {
        if (!disposed.current) return
        for (const worker of [active.current, spare.current]) void worker?.then(({ worker }) => worker.terminate())
        active.current = spare.current = null
      })
    }
  }, [drain])

  const run = useCallback(
    (request: Omit<RunRequest, 'id'>) => {
      pending.current = request
      void drain()
    },
    [drain],
  )

  /** A compile error found on this side: shown like any other, the last result stays. */
  const fail = useCallback((error: CodeError) => {
    pending.current = null
    newest.current = nextId.current++
    setState((s) => ({ ...s, status: { state: 'failed' }, errors: [error] }))
  }, [])

  return { ...state, run, fail }
}
