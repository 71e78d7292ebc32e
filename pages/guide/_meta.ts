// The reading order follows the recommendation (components/Recommendation): the problem, the recommended update
// (in the mutation's own response), the client-only alternative (update()), the comparison that ranks them; then the
// popular pass-through as the lesson it is (its attack, its hardening), and what shipping it takes.
export default {
  'the-problem': 'The problem',
  'server-side-update': 'Update on the server, in one request',
  'built-in-update': 'The built-in update()',
  approaches: 'The approaches compared',
  '--lesson': { type: 'separator', title: 'Lesson: the popular pass-through' },
  'pass-through': 'The pass-through provider (lesson)',
  'the-attack': 'Why the naive version is dangerous',
  hardening: 'Hardening the pass-through',
  '--shipping': { type: 'separator', title: 'Shipping it' },
  'someone-else-changes': 'When someone else changes the user',
  middleware: 'The gate: proxy.ts / middleware.ts',
  typescript: 'TypeScript',
  testing: 'Testing it',
  troubleshooting: 'Troubleshooting',
  claims: 'Claims, tested',
  'beyond-next-auth': 'Beyond next-auth',
  'better-auth': 'Moving to Better Auth',
  'other-libraries': 'Other libraries',
}
