export default {
  'the-problem': 'The problem',
  approaches: 'The approaches compared',
  'pass-through': 'The pass-through provider',
  'the-attack': 'Why the naive version is dangerous',
  hardening: 'Hardening the pass-through',
  'built-in-update': 'The built-in update()',
  'someone-else-changes': 'When someone else changes the user',
  middleware: 'Middleware and the gate',
  typescript: 'TypeScript',
  testing: 'Testing it',
  troubleshooting: 'Troubleshooting',
  'beyond-next-auth': 'Beyond next-auth',
}
