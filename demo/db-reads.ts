import { AsyncLocalStorage } from 'node:async_hooks'

// Counts the database reads made while serving one request, so the demo can report
// what each session-update strategy really costs (sent to the browser as Server-Timing).
const storage = new AsyncLocalStorage<{ reads: number }>()

export function countRead() {
  const store = storage.getStore()
  if (store) store.reads += 1
}

export function withReadCounter<T>(fn: (counter: { reads: number }) => T): T {
  const counter = { reads: 0 }
  return storage.run(counter, () => fn(counter))
}
