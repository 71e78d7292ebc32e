export default {
  'the-problem': 'The problem',
}
