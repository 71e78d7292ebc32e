export default {
  'the-problem': 'The problem',
  'pass-through': 'The pass-through provider',
  'the-attack': 'Why the naive version is dangerous',
  hardening: 'Hardening the pass-through',
  'built-in-update': 'The built-in update()',
  'server-side-update': 'Update on the server, in one request',
  approaches: 'The approaches compared',
  middleware: 'Middleware and the gate',
  typescript: 'TypeScript',
  testing: 'Testing it',
  troubleshooting: 'Troubleshooting',
  'beyond-next-auth': 'Beyond next-auth',
}
