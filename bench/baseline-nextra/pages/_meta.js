// The content twins (bench:pages' baseline:/the-problem, baseline:/server-side-update) are measured on their own:
// hidden from the baseline's sidebar, so the one-paragraph page links to no other page and prefetches nothing.
export default {
  index: 'Index',
  'the-problem': { display: 'hidden' },
  'server-side-update': { display: 'hidden' },
}
