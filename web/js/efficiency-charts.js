// Charts of the 亩均效益 panel as inline SVG strings (no chart library): the year trend of one
// indicator per zone or park, and the distribution of classes per zone. Pure functions of the
// numbers the server sent: a value the server withheld (fewer than 3 firms) is never drawn as 0
// or as missing data, but marked and named with the caller's "withheld" label.

const PALETTE = ['#263238', '#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#17becf', '#e377c2', '#bcbd22', '#7f7f7f'];

function esc(s) {
  return String(s === null || s === undefined ? '' : s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** About five round tick values from lo to at least hi. */
export function ticks(lo, hi) {
  if (!(hi > lo)) hi = lo + 1;
  const raw = (hi - lo) / 4;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const r = raw / mag;
  const step = mag * (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10);
  const out = [];
  for (let v = Math.floor(lo / step) * step; v < hi + step * 0.999; v += step) out.push(Number(v.toPrecision(12)));
  return out.length > 1 ? out : [lo, lo + step];
}

/**
 * A line chart: years along x, one line per series ({name, values: [number|null], withheld:
 * [bool]}); a gap where a value is missing, and where it was withheld a hollow grey mark on the
 * axis with the withheld label as its tooltip. Returns {svg, legend} HTML strings.
 */
export function lineChart(years, series, opts) {
  const W = 340;
  const H = 190;
  const L = 44;
  const R = 10;
  const T = 16;
  const B = 24;
  const fmt = opts.format || ((v) => String(v));
  const vals = series.flatMap((s) => s.values.filter((v) => typeof v === 'number' && Number.isFinite(v)));
  const lo = vals.length && Math.min(...vals) < 0 ? Math.min(...vals) : 0;
  const tk = ticks(lo, vals.length ? Math.max(...vals) : 1);
  const top = tk[tk.length - 1];
  const bottom = tk[0];
  const x = (i) => L + 8 + (years.length <= 1 ? 0 : (i * (W - L - R - 16)) / (years.length - 1));
  const y = (v) => T + (H - T - B) * (1 - (v - bottom) / (top - bottom));
  const parts = [];
  for (const v of tk) {
    parts.push(`<line class="effc-grid" x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}"/>`);
    parts.push(`<text class="effc-tick" x="${L - 4}" y="${y(v) + 3}" text-anchor="end">${esc(fmt(v))}</text>`);
  }
  years.forEach((yr, i) => parts.push(`<text class="effc-tick" x="${x(i)}" y="${H - 8}" text-anchor="middle">${esc(yr)}</text>`));
  if (opts.unit) parts.push(`<text class="effc-unit" x="2" y="10">${esc(opts.unit)}</text>`);
  series.forEach((s, k) => {
    const color = PALETTE[k % PALETTE.length];
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      d += (pen ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(v).toFixed(1);
      pen = true;
    });
    if (d) parts.push(`<path class="effc-line" d="${d}" stroke="${color}" data-series="${k}"/>`);
    s.values.forEach((v, i) => {
      if (typeof v === 'number' && Number.isFinite(v)) {
        parts.push(`<circle class="effc-dot" cx="${x(i)}" cy="${y(v)}" r="2.6" fill="${color}"><title>${esc(s.name + ' ' + years[i] + '：' + fmt(v))}</title></circle>`);
      } else if (s.withheld && s.withheld[i]) {
        parts.push(`<circle class="effc-withheld" cx="${x(i)}" cy="${y(bottom) - 4}" r="3.2" stroke="${color}"><title>${esc(s.name + ' ' + years[i] + '：' + opts.withheld)}</title></circle>`);
      }
    });
  });
  const svg = `<svg class="effc effc-trend" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(opts.title || '')}">${parts.join('')}</svg>`;
  const legend = series.map((s, k) => {
    const hidden = s.withheld ? years.filter((yr, i) => s.withheld[i]) : [];
    const note = hidden.length ? ` <span class="effc-note">（${esc(hidden.join('、'))}：${esc(opts.withheld)}）</span>` : '';
    return `<span class="effc-key"><i style="background:${PALETTE[k % PALETTE.length]}"></i>${esc(s.name)}${note}</span>`;
  }).join('');
  return { svg, legend: `<div class="effc-legend">${legend}</div>` };
}

/**
 * One horizontal bar per zone, split by class ({name, counts: {A: n, ...} | null, withheld}): the
 * segments' widths are the classes' shares, each labelled with its count where it fits; a
 * withheld zone shows the withheld label instead of a bar. Returns an SVG string.
 */
export function classBars(rows, classes, colorOf, opts) {
  const W = 340;
  const rowH = 34;
  const H = rows.length * rowH + 4;
  const L = 4;
  const parts = [];
  rows.forEach((r, i) => {
    const y0 = i * rowH;
    parts.push(`<text class="effc-label" x="${L}" y="${y0 + 11}">${esc(r.name)}</text>`);
    if (!r.counts) {
      parts.push(`<rect class="effc-withheld-bar" x="${L}" y="${y0 + 15}" width="${W - 2 * L}" height="14"/>`);
      parts.push(`<text class="effc-withheld-text" x="${L + 6}" y="${y0 + 26}">${esc(r.withheld ? opts.withheld : opts.noData)}</text>`);
      return;
    }
    const total = classes.reduce((a, c) => a + (r.counts[c] || 0), 0);
    let x = L;
    for (const c of classes) {
      const n = r.counts[c] || 0;
      if (!n) continue;
      const w = total ? ((W - 2 * L) * n) / total : 0;
      parts.push(`<rect class="effc-seg" data-class="${esc(c)}" x="${x.toFixed(1)}" y="${y0 + 15}" width="${w.toFixed(1)}" height="14" fill="${colorOf(c)}"><title>${esc(r.name + ' · ' + opts.classLabel(c) + '：' + n)}</title></rect>`);
      if (w > 22) parts.push(`<text class="effc-count" x="${(x + w / 2).toFixed(1)}" y="${y0 + 26}" text-anchor="middle">${n}</text>`);
      x += w;
    }
    if (!total) parts.push(`<text class="effc-withheld-text" x="${L + 6}" y="${y0 + 26}">${esc(opts.noData)}</text>`);
  });
  return `<svg class="effc effc-classes" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(opts.title || '')}">${parts.join('')}</svg>`;
}
