export default {
  'the-problem': 'The problem',
  approaches: 'The approaches compared',
  'pass-through': 'The pass-through provider',
  'the-attack': 'Why the naive version is dangerous',
  hardening: 'Hardening the pass-through',
  'built-in-update': 'The built-in update()',
  'server-side-update': 'Update on the server, in one request',
  middleware: 'Middleware and the gate',
  typescript: 'TypeScript',
  testing: 'Testing it',
  troubleshooting: 'Troubleshooting',
  'beyond-next-auth': 'Beyond next-auth',
}
