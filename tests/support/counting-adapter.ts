// Counts the calls next-auth's handler makes to a database adapter, by method name, reads apart from writes, so a
// claim or a bench figure about database reads is a count of calls the real library made, never a constant.
// Shared by the claims tests' memory adapter (tests/claims/support/memory-adapter.ts) and the stale-claims bench's
// SQLite adapter (bench/lib/sqlite-session-adapter.ts).
type Method = (...args: any[]) => unknown

/** The adapter methods that only read; every other method counts as a write. */
export const ADAPTER_READ_METHODS = ['getUser', 'getUserByEmail', 'getUserByAccount', 'getSessionAndUser', 'useVerificationToken']

export function countAdapterCalls<A extends Record<string, Method>>(adapter: A) {
  const reads: string[] = []
  const writes: string[] = []
  const counted = Object.fromEntries(
    Object.entries(adapter).map(([name, method]) => [name, (...args: any[]) => ((ADAPTER_READ_METHODS.includes(name) ? reads : writes).push(name), method(...args))]),
  ) as A
  return { adapter: counted, reads, writes }
}
