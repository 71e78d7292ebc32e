// The lab's module worker: the reader's code and Auth.js run here, so an endless loop blocks this worker only.
import { locateError } from './locate-error'
import type { RunRequest, WorkerMessage } from './protocol'
import { installRequestShim } from './request-shim'
import { runLab } from './run'

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
