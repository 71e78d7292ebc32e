import type { RunRequest, WorkerMessage } from '@/lab/protocol'

/** A lab worker that has said it is ready: its modules are loaded and it can take a run. */
export interface ReadyWorker {
  worker: Worker
  /** From `new Worker` to its first message. */
  startMs: number
}

export function spawnLabWorker(): Promise<ReadyWorker> {
  const started = performance.now()
  // webpack bundles the worker and Auth.js into their own chunk, loaded only by pages with a lab.
  const worker = new Worker(new URL('../../lab/worker.ts', import.meta.url), { type: 'module', name: 'token-lab' })
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<WorkerMessage>) => {
      if (event.data.kind !== 'ready') return
      worker.removeEventListener('message', onMessage)
      resolve({ worker, startMs: performance.now() - started })
    }
    worker.addEventListener('message', onMessage)
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'The lab worker failed to load.')), { once: true })
  })
}

/** Post one run and wait for its answer, or give up after `timeoutMs` (the caller then replaces the worker). */
export function runInWorker(worker: Worker, request: RunRequest, timeoutMs: number) {
  return new Promise<WorkerMessage | 'timeout'>((resolve) => {
    const timer = setTimeout(() => {
      worker.removeEventListener('message', onMessage)
      resolve('timeout')
    }, timeoutMs)
    const onMessage = (event: MessageEvent<WorkerMessage>) => {
      if (event.data.kind === 'ready' || event.data.id !== request.id) return
      clearTimeout(timer)
      worker.removeEventListener('message', onMessage)
      resolve(event.data)
    }
    worker.addEventListener('message', onMessage)
    worker.postMessage(request)
  })
}
