// A static SVG of the stale-claims figures (public/charts/stale-policies.svg), drawn from the bench's JSON:
// one row per policy, three bar columns (staleness, database reads and added server time per 1,000 requests).
export interface StaleRow {
  policy: string
  /** Median seconds from a change until the user's next request saw it; null: not before the token expires. */
  stalenessS: number | null
  readsPer1000: number
  addedMsPer1000: number
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

export function staleChart(rows: StaleRow[], title: string): string {
  const columns = [
    { label: 'suspension seen after, s', value: (r: StaleRow) => r.stalenessS, fmt: (v: number | null) => (v === null ? 'until maxAge' : v.toFixed(2)) },
    { label: 'DB reads / 1,000 requests', value: (r: StaleRow) => r.readsPer1000, fmt: (v: number | null) => String(v) },
    { label: 'added server ms / 1,000 requests', value: (r: StaleRow) => r.addedMsPer1000, fmt: (v: number | null) => (v ?? 0).toFixed(0) },
  ]
  const labelW = 250
  const colW = 270
  const rowH = 34
  const top = 64
  const width = labelW + columns.length * colW + 20
  const height = top + rows.length * rowH + 16
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="t">`,
    `<title id="t">${esc(title)}</title>`,
    `<style>text{font:13px system-ui,sans-serif;fill:#334155}.h{font-weight:700}.v{font-size:12px}rect.b{fill:#2563eb}rect.x{fill:#dc2626}</style>`,
    // Its own light background: an <img> cannot follow the site's dark-mode class.
    `<rect width="100%" height="100%" rx="6" fill="#f8fafc"/>`,
    `<text x="10" y="22" class="h">${esc(title)}</text>`,
  ]
  columns.forEach((col, ci) => {
    const x0 = labelW + ci * colW
    parts.push(`<text x="${x0}" y="50" class="h">${esc(col.label)}</text>`)
    const values = rows.map(col.value).filter((v): v is number => v !== null)
    const max = Math.max(1, ...values)
    rows.forEach((r, ri) => {
      const y = top + ri * rowH
      const v = col.value(r)
      const w = v === null ? colW - 120 : Math.max(2, ((colW - 120) * v) / max)
      parts.push(`<rect class="${v === null ? 'x' : 'b'}" x="${x0}" y="${y}" width="${w.toFixed(1)}" height="18" rx="3"/>`)
      parts.push(`<text class="v" x="${(x0 + w + 6).toFixed(1)}" y="${y + 14}">${esc(col.fmt(v))}</text>`)
    })
  })
  rows.forEach((r, ri) => parts.push(`<text x="10" y="${top + ri * rowH + 14}">${esc(r.policy)}</text>`))
  parts.push('</svg>')
  return parts.join('\n') + '\n'
}
