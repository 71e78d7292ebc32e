export default {
  index: { title: 'Home', type: 'page', display: 'hidden', theme: { layout: 'full', toc: false, breadcrumb: false } },
  guide: { title: 'Guide', type: 'page' },
  starters: { title: 'Starters', type: 'page' },
  lab: { title: 'Lab', type: 'page' },
  demo: { title: 'Demo', type: 'page' },
  source: { display: 'hidden' },
  '404': { display: 'hidden', theme: { toc: false, breadcrumb: false } },
}
