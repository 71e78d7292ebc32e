// The lab's module worker: the reader's code and Auth.js run here, so an endless loop blocks this worker only.
import { locateError } from './locate-error'
import type { RunRequest, WorkerMessage } from './protocol'
import { installRequestShim } from './request-shim'
import { runLab } from './run'

// Next.js ends every client bundle with `_N_E = exports`; in a module worker (strict code) that assignment throws
// unless the global already exists.
Object.assign(self, { _N_E: undefined })
installRequestShim()
const post = (message: WorkerMessage) => self.postMessage(message)

self.addEventListener('message', async (event: MessageEvent<RunRequest>) => {
  const { id, ...request } = event.data
  try {
    post({ kind: 'result', id, result: await runLab(request) })
  } catch (error) {
    post({ kind: 'failed', id, error: locateError(error) })
  }
})
post({ kind: 'ready' })
