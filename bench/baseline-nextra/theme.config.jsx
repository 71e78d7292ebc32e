// Nextra's docs theme with its defaults: the page the site is measured against.
export default { logo: <span>Baseline</span> }
