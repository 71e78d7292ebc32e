import { LAB_SANDBOX_PATH } from '@/lab/sandbox-path.mjs'
import type { PageMessage, RunRequest, SandboxMessage, WorkerMessage } from '@/lab/protocol'

/**
 * The engine's bundle: webpack builds a worker chunk only where it sees `new Worker(new URL(...))`, so that call
 * stays, but against a stand-in that only records the URL and options webpack put there. The worker itself starts
 * in the sandbox frame, never on this origin: code typed into the lab must not reach the site's cookies or API.
 */
function engineBundle(): { url: string; options: WorkerOptions } {
  const SiteWorker = globalThis.Worker
  let captured: { url: string; options: WorkerOptions } | undefined
  globalThis.Worker = class {
    constructor(url: string | URL, options: WorkerOptions = {}) {
      // webpack rewrites the options it was given (a classic worker, `type` undefined): keep them as they are.
      captured = { url: String(url), options }
    }
  } as unknown as typeof Worker
  try {
    new Worker(new URL('../../lab/worker.ts', import.meta.url), { type: 'module', name: 'token-lab' })
  } finally {
    globalThis.Worker = SiteWorker
  }
  return captured!
}

/**
 * The engine's bundle as a data: URL. Not a blob: URL: a blob: worker started in an opaque-origin frame has the
 * origin "null" in its URL (blob:null/...), and Chromium (156 here) makes it no secure context, so it has no
 * crypto.subtle and Auth.js cannot hash or encrypt anything ("Cannot read properties of null (reading
 * 'csrfToken')"). A data: worker is a secure context in a secure frame, and, like a blob: worker, it inherits the
 * frame's CSP (connect-src 'none'). e2e/token-lab-sandbox.test.ts checks both.
 */
export const ENGINE_URL_PREFIX = 'data:text/javascript;base64,'

// Fetched once (same origin, from the HTTP cache after the first time) and handed to every sandbox as a data: URL.
let engine: Promise<{ url: string; options: WorkerOptions }> | null = null
function loadEngine() {
  engine ??= (async () => {
    const { url, options } = engineBundle()
    const res = await fetch(url)
    if (!res.ok) throw new Error(`The lab engine failed to load (HTTP ${res.status}).`)
    const blob = new Blob([await res.arrayBuffer()], { type: 'text/javascript' })
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result))
      reader.onerror = () => reject(reader.error ?? new Error('The lab engine failed to load.'))
      reader.readAsDataURL(blob)
    })
    if (!dataUrl.startsWith(ENGINE_URL_PREFIX)) throw new Error('The lab engine failed to load (unexpected encoding).')
    return { url: dataUrl, options }
  })()
  engine.catch(() => (engine = null))
  return engine
}

/**
 * One engine: a hidden frame (sandbox="allow-scripts", no allow-same-origin: an opaque origin) running the worker.
 * It speaks like a Worker (postMessage, message events, terminate) so the runner need not know the difference.
 * Only messages from this frame's window, whose origin is "null", are taken; anything else is ignored.
 */
export class SandboxedWorker extends EventTarget {
  readonly frame: HTMLIFrameElement

  constructor() {
    super()
    this.frame = document.createElement('iframe')
    this.frame.setAttribute('sandbox', 'allow-scripts')
    this.frame.src = LAB_SANDBOX_PATH
    this.frame.title = 'Token lab engine'
    this.frame.hidden = true
    this.frame.tabIndex = -1
    this.frame.setAttribute('aria-hidden', 'true')
    this.frame.dataset.testid = 'lab-sandbox'
    window.addEventListener('message', this.#onMessage)
    document.body.append(this.frame)
  }

  #onMessage = (event: MessageEvent<SandboxMessage>) => {
    if (event.source !== this.frame.contentWindow || event.origin !== 'null') return
    if (typeof event.data?.kind !== 'string') return
    this.dispatchEvent(new MessageEvent('message', { data: event.data }))
  }

  /** The frame is ours and loads our document; '*' because its origin is opaque and has no name to target. */
  send(message: PageMessage) {
    this.frame.contentWindow?.postMessage(message, '*')
  }

  postMessage(request: RunRequest) {
    this.send({ kind: 'run', request })
  }

  /** Removing the frame ends its worker, however stuck the reader's code is. */
  terminate() {
    window.removeEventListener('message', this.#onMessage)
    this.frame.remove()
  }
}

/** A lab engine that has said it is ready: its modules are loaded and it can take a run. */
export interface ReadyWorker {
  worker: SandboxedWorker
  /** From creating the frame to the engine's first message. */
  startMs: number
}

export function spawnLabWorker(): Promise<ReadyWorker> {
  const started = performance.now()
  const bundle = loadEngine()
  const worker = new SandboxedWorker()
  return new Promise((resolve, reject) => {
    const onMessage = async (event: Event) => {
      const message = (event as MessageEvent<SandboxMessage>).data
      if (message.kind === 'frame-ready') {
        try {
          const { url, options } = await bundle
          worker.send({ kind: 'start', engine: url, options })
        } catch (error) {
          reject(error)
        }
      } else if (message.kind === 'ready') {
        worker.removeEventListener('message', onMessage)
        resolve({ worker, startMs: performance.now() - started })
      } else if (message.kind === 'crashed') {
        reject(new Error(message.message))
      }
    }
    worker.addEventListener('message', onMessage)
  })
}

/** Post one run and wait for its answer, or give up after `timeoutMs` (the caller then replaces the worker). */
export function runInWorker(worker: SandboxedWorker, request: RunRequest, timeoutMs: number) {
  return new Promise<WorkerMessage | 'timeout'>((resolve) => {
    const timer = setTimeout(() => {
      worker.removeEventListener('message', onMessage)
      resolve('timeout')
    }, timeoutMs)
    const onMessage = (event: Event) => {
      const message = (event as MessageEvent<SandboxMessage>).data
      if ((message.kind !== 'result' && message.kind !== 'failed') || message.id !== request.id) return
      clearTimeout(timer)
      worker.removeEventListener('message', onMessage)
      resolve(message)
    }
    worker.addEventListener('message', onMessage)
    worker.postMessage(request)
  })
}
