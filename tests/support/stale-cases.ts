// Bodies POST /api/demo/admin/change must refuse with a 400, and what its message says: one table for the fast
// (in-process) and the integration (production server) suites.
export const BAD_CHANGE_BODIES: [unknown, RegExp][] = [
  [{ role: 'admin' }, /^Invalid body at role: /],
  [{ role: 'Editor' }, /^Invalid body at role: /],
  [{}, /^Invalid body: Send exactly one of "role" or "suspended"\.$/],
  [{ role: 'editor', suspended: true }, /exactly one/],
  [{ suspended: 'yes' }, /^Invalid body at suspended: /],
  [{ role: 'editor', sub: 'someone-else' }, /Unrecognized key/i],
  [[], /^Invalid body: /],
]
