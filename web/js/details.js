// The detail card of a selected feature: its name, what the plan says about it and where (document
// and line), its area in mu and hectares, its attributes under their Chinese (or English) labels,
// and for zones, boards and parks the totals of their parcels.

import { add as addLabels, getLang, parcelName, pick, t, value } from './i18n.js';
import { escapeHtml, fmt, PLAN_COLLECTIONS } from './layers.js';
import { landUseColor, landUseName, STATUS_COLORS } from './styles.js';

const M2_PER_MU = 10000 / 15;

addLabels({
  zh: {
    'card.eff.title': '亩均效益',
    'card.eff.year': '{y}年',
    'card.eff.loading': '正在读取亩均效益…',
    'card.eff.class': '分类',
    'card.eff.classOf': '{c}类',
    'card.eff.noClass': '未定级',
    'card.eff.list': '分类依据：',
    'card.eff.rankPark': '园区内排名',
    'card.eff.rankZone': '开发区内排名',
    'card.eff.rankText': '第 {r} / {n}',
    'card.eff.rankBy': '按{by}',
    'card.eff.series': '历年亩均税收（万元/亩）',
    'card.eff.seriesHidden': '未公开',
    'card.eff.reasons': '低效用地原因',
    'card.eff.enterprises': '用地企业',
    'card.eff.parcels': '所用地块',
    'card.eff.col.name': '企业',
    'card.eff.col.parcel': '地块',
    'card.eff.col.role': '用地方式',
    'card.eff.col.share': '占地块比例',
    'card.eff.col.counted': '计入比例',
    'card.eff.col.class': '分类',
    'card.eff.col.tax': '亩均税收',
    'card.eff.status': '参评状态',
    'card.eff.land': '计入用地',
    'card.eff.score': '综合得分',
    'card.eff.users': '用地企业 {n} 家，其中有申报数据 {m} 家',
    'card.eff.scheme': '评价办法：{s}',
  },
  en: {
    'card.eff.title': 'Mu efficiency',
    'card.eff.year': '{y}',
    'card.eff.loading': 'Loading land efficiency…',
    'card.eff.class': 'Class',
    'card.eff.classOf': 'Class {c}',
    'card.eff.noClass': 'Not classed',
    'card.eff.list': 'Classes from: ',
    'card.eff.rankPark': 'Rank in its park',
    'card.eff.rankZone': 'Rank in its zone',
    'card.eff.rankText': 'No. {r} of {n}',
    'card.eff.rankBy': 'by {by}',
    'card.eff.series': 'Tax per mu by year (10,000 CNY/mu)',
    'card.eff.seriesHidden': 'withheld',
    'card.eff.reasons': 'Low-efficiency reasons',
    'card.eff.enterprises': 'Enterprises on the land',
    'card.eff.parcels': 'Parcels used',
    'card.eff.col.name': 'Enterprise',
    'card.eff.col.parcel': 'Parcel',
    'card.eff.col.role': 'Holds as',
    'card.eff.col.share': 'Share of parcel',
    'card.eff.col.counted': 'Counted here',
    'card.eff.col.class': 'Class',
    'card.eff.col.tax': 'Tax per mu',
    'card.eff.status': 'Status',
    'card.eff.land': 'Land counted',
    'card.eff.score': 'Score',
    'card.eff.users': '{n} enterprises use it, {m} of them reported figures',
    'card.eff.scheme': 'Scheme: {s}',
  },
});

// the 亩均 panel's class colours, best to worst
const CLASS_COLORS = ['#1a9850', '#a6d96a', '#fdae61', '#d73027'];

// shown elsewhere on the card, so not repeated in the attribute table
const SHOWN = new Set(['name_zh', 'name_en', 'area_m2', 'area_mu', 'source_doc', 'source_lines', 'schematic', 'synthetic', 'planned_area_km2', 'length_km']);

/**
 * Fills {@code el} with the card.
 *
 * @param ctx.schema the collection's /collections/{id} document (property titles)
 * @param ctx.planName id -> display name of boards and parks
 * @param ctx.api fetch helper
 * @param ctx.onZoom called by the "zoom to" button
 * @param ctx.shareUrl () -> the permalink of the current state
 * @param ctx.asOf the instant the map shows (null: now)
 */
export function renderDetails(el, collection, feature, ctx) {
  const p = feature.properties || {};
  const isPlan = PLAN_COLLECTIONS.includes(collection) || collection === 'infrastructure';
  // parcels and enterprises say whether they are generated; real data (imported, drawn) is not marked
  const synthetic = p.synthetic === true;
  let title;
  let subtitle;
  if (collection === 'parcels') {
    title = parcelName(feature.id, p.zone);
    subtitle = landUseName(p.land_use_code, p.land_use_name, getLang());
  } else {
    title = pick(p.name_zh, p.name_en) || feature.id;
    // an English reader is helped by the Chinese name a sign or a document uses; a Chinese reader needs no English one
    subtitle = getLang() === 'en' ? p.name_zh : '';
  }
  const kicker = [t('coll.' + collection)];
  if (p.kind && collection !== 'parcels' && value('kind', p.kind).toLowerCase() !== kicker[0].toLowerCase()) {
    kicker.push(value('kind', p.kind));
  }
  if (p.zone) kicker.push(value('zone', p.zone));

  const badges = [];
  if (isPlan && p.schematic !== false) {
    badges.push(`<span class="badge badge-schematic" title="${escapeHtml(t('badge.schematic.title'))}">${escapeHtml(t('badge.schematic'))}</span>`);
  }
  if (synthetic) {
    badges.push(`<span class="badge badge-synthetic" title="${escapeHtml(t('badge.synthetic.title'))}">${escapeHtml(t('badge.synthetic'))}</span>`);
  }

  el.innerHTML = `
    <article class="za-card" data-collection="${escapeHtml(collection)}" data-id="${escapeHtml(feature.id)}">
      <header class="za-card-head">
        <div class="za-kicker">${escapeHtml(kicker.join(' · '))}</div>
        <h2 class="za-title">${collection === 'parcels' ? `<span class="swatch" style="background:${landUseColor(p.land_use_code)}"></span>` : ''}${escapeHtml(title)}</h2>
        ${subtitle ? `<div class="za-subtitle">${escapeHtml(subtitle)}</div>` : ''}
        <div class="za-badges">${badges.join('')}</div>
      </header>
      ${facts(collection, p)}
      ${source(p)}
      <div class="za-actions">
        <button type="button" class="btn btn-small" data-act="zoom">${escapeHtml(t('details.zoom'))}</button>
        <button type="button" class="btn btn-small" data-act="share">${escapeHtml(t('details.share'))}</button>
      </div>
      <div class="za-share" hidden>
        <input type="text" readonly aria-label="${escapeHtml(t('details.share'))}">
        <div class="za-share-msg"></div>
      </div>
      <section class="za-summary" hidden></section>
      <section class="za-eff" hidden></section>
      ${attributes(collection, p, ctx)}
    </article>`;

  el.querySelector('[data-act=zoom]').addEventListener('click', () => ctx.onZoom());
  el.querySelector('[data-act=share]').addEventListener('click', () => share(el, ctx.shareUrl()));
  // the totals are today's (/api/summary has no datetime): not shown on a map of an earlier moment
  if (PLAN_COLLECTIONS.includes(collection) && !ctx.asOf) loadSummary(el.querySelector('.za-summary'), collection, feature.id, ctx);
  if (p.source_doc && p.source_lines) loadSourceText(el.querySelector('.za-source'), p, ctx);
  // the 亩均 card is of the evaluated years, not of an earlier instant of the map
  if ((collection === 'parcels' || collection === 'enterprises') && !ctx.asOf) {
    loadEfficiency(el.querySelector('.za-eff'), collection === 'parcels' ? 'parcel' : 'enterprise', feature.id, ctx);
  }
}

/**
 * The 亩均 section: what GET /api/efficiency/card/{level}/{id} gives the caller's role (the server
 * decides what may be shown; this only draws it): figures per mu and per hectare, class, ranks, the
 * years as bars, low-efficiency reasons and the enterprises (or parcels) with their shares.
 */
async function loadEfficiency(el, level, id, ctx) {
  el.hidden = false;
  el.innerHTML = `<h3 class="za-h3">${escapeHtml(t('card.eff.title'))}</h3><p class="za-muted">${escapeHtml(t('card.eff.loading'))}</p>`;
  let c;
  try {
    c = await ctx.api('/api/efficiency/card/' + level + '/' + encodeURIComponent(id));
  } catch (e) {
    // no figures loaded yet (404) or an enterprise/parcel the evaluation does not know: no section
    el.hidden = true;
    el.innerHTML = '';
    return;
  }
  if (!el.isConnected) return;
  el.innerHTML = efficiencyHtml(c);
}

function efficiencyHtml(c) {
  const en = getLang() === 'en';
  const badges = [];
  if (c.synthetic) {
    badges.push(`<span class="badge badge-synthetic" title="${escapeHtml(t('badge.synthetic.title'))}">${escapeHtml(t('badge.synthetic'))}</span>`);
  }
  if (c.class) {
    const i = Math.min(['A', 'B', 'C', 'D'].indexOf(c.class), CLASS_COLORS.length - 1);
    const color = i >= 0 ? CLASS_COLORS[i] : '#999';
    badges.push(`<span class="badge za-eff-class" data-class="${escapeHtml(c.class)}" style="background:${color};color:#fff;border:1px solid ${color}">${escapeHtml(t('card.eff.classOf', { c: c.class }))}</span>`);
  } else if (c.confidential && c.figures_shown) {
    badges.push(`<span class="badge za-eff-class">${escapeHtml(t('card.eff.noClass'))}</span>`);
  }
  const out = [`<h3 class="za-h3">${escapeHtml(t('card.eff.title'))} · ${escapeHtml(t('card.eff.year', { y: c.year }))} ${badges.join(' ')}</h3>`];
  const list = c.lists && c.zone && c.lists[c.zone];
  if (list && c.class) {
    out.push(`<p class="za-muted za-eff-list" data-state="${escapeHtml(list.state)}">${escapeHtml(t('card.eff.list') + pick(list.label_zh, list.label_en))}</p>`);
  }
  if (c.level === 'parcel' && c.users) {
    out.push(`<p class="za-muted">${escapeHtml(t('card.eff.users', { n: c.users, m: c.enterprises_with_figures }))}</p>`);
  }
  if (c.figures_shown && c.indicators) {
    out.push(`<div class="za-facts za-eff-figures">${c.indicators.map((i) => fact(pick(i.name_zh, i.name_en),
      `${fmt(i.per_mu, 2)} <small>${escapeHtml(i.unit_mu)}</small>`, `${fmt(i.per_ha, 1)} ${escapeHtml(i.unit_ha)}`)).join('')}</div>`);
  }
  if (c.withheld_zh) {
    out.push(`<p class="za-muted za-eff-withheld">${escapeHtml(pick(c.withheld_zh, c.withheld_en))}</p>`);
  }
  const rows = [];
  if (c.status_zh) rows.push([t('card.eff.status'), escapeHtml(pick(c.status_zh, c.status_en))]);
  if (c.land_mu !== undefined && c.land_mu !== null) {
    rows.push([t('card.eff.land'), `${fmt(c.land_mu, 2)} ${escapeHtml(t('unit.mu'))} · ${fmt(c.land_mu / 15, 2)} ${escapeHtml(t('unit.ha'))}`]);
  }
  if (c.score !== undefined && c.score !== null) rows.push([t('card.eff.score'), fmt(c.score, 1)]);
  if (c.rank) {
    const by = ' <small class="za-muted">(' + escapeHtml(t('card.eff.rankBy', { by: pick(c.rank.by_zh, c.rank.by_en) })) + ')</small>';
    const rank = (x) => (x ? escapeHtml(t('card.eff.rankText', { r: x.rank, n: x.of })) + by : '–');
    if (c.park) rows.push([t('card.eff.rankPark'), rank(c.rank.park)]);
    rows.push([t('card.eff.rankZone'), rank(c.rank.zone)]);
  }
  if (rows.length) {
    out.push(`<table class="za-attrs za-eff-facts"><tbody>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`);
  }
  if (c.series && c.series.some((x) => x.shown)) {
    out.push(`<h4 class="za-h4">${escapeHtml(t('card.eff.series'))}</h4>${seriesSvg(c.series)}`);
  }
  if (c.reasons && c.reasons.length) {
    out.push(`<h4 class="za-h4">${escapeHtml(t('card.eff.reasons'))}</h4><ul class="za-eff-reasons">${c.reasons.map((r) =>
      `<li>${escapeHtml(pick(r.name_zh, r.name_en))}${pick(r.detail_zh, r.detail_en) ? `<small class="za-muted">${en ? ' (' : '（'}${escapeHtml(pick(r.detail_zh, r.detail_en))}${en ? ')' : '）'}</small>` : ''}${r.parcel ? ` <small class="za-muted">${escapeHtml(t('coll.parcels'))} ${escapeHtml(r.parcel)}</small>` : ''}</li>`).join('')}</ul>`);
  }
  const pct = (v) => (v === undefined || v === null ? '–' : fmt(v * 100, 1) + '%');
  const role = (x) => (en ? (x.role === 'tenant' ? 'tenant' : 'land-use right holder') : x.role_zh);
  const cls = (x) => (x.class ? escapeHtml(t('card.eff.classOf', { c: x.class })) : '–');
  if (c.enterprises && c.enterprises.length) {
    const conf = c.confidential;
    out.push(`<h4 class="za-h4">${escapeHtml(t('card.eff.enterprises'))}</h4>
      <table class="za-groups za-eff-enterprises"><thead><tr><th>${escapeHtml(t('card.eff.col.name'))}</th><th>${escapeHtml(t('card.eff.col.role'))}</th>
      ${conf ? `<th>${escapeHtml(t('card.eff.col.share'))}</th><th>${escapeHtml(t('card.eff.col.class'))}</th><th>${escapeHtml(t('card.eff.col.tax'))}</th>` : ''}</tr></thead>
      <tbody>${c.enterprises.map((x) => `<tr data-id="${escapeHtml(x.id)}"><td>${escapeHtml(pick(x.name_zh, x.name_en))}</td><td>${escapeHtml(role(x))}</td>
      ${conf ? `<td>${pct(x.share_of_parcel)}</td><td>${cls(x)}</td><td>${fmt(x.tax_per_mu, 2)}</td>` : ''}</tr>`).join('')}</tbody></table>`);
    if (c.enterprises_note_zh) out.push(`<p class="za-muted">${escapeHtml(pick(c.enterprises_note_zh, c.enterprises_note_en))}</p>`);
  }
  if (c.parcels && c.parcels.length) {
    const conf = c.confidential;
    out.push(`<h4 class="za-h4">${escapeHtml(t('card.eff.parcels'))}</h4>
      <table class="za-groups za-eff-parcels"><thead><tr><th>${escapeHtml(t('card.eff.col.parcel'))}</th><th>${escapeHtml(t('card.eff.col.role'))}</th>
      <th>${escapeHtml(t('unit.mu'))}</th>${conf ? `<th>${escapeHtml(t('card.eff.col.share'))}</th><th>${escapeHtml(t('card.eff.col.counted'))}</th>` : ''}</tr></thead>
      <tbody>${c.parcels.map((x) => `<tr data-id="${escapeHtml(x.id)}"><td>${escapeHtml(parcelName(x.id, x.zone))}</td><td>${escapeHtml(role(x))}</td><td>${fmt(x.area_mu, 1)}</td>
      ${conf ? `<td>${pct(x.share_of_parcel)}</td><td>${pct(x.share_of_figures)}</td>` : ''}</tr>`).join('')}</tbody></table>`);
  }
  out.push(`<p class="za-muted">${escapeHtml(t('card.eff.scheme', { s: pick(c.scheme_name_zh, c.scheme_name_en) }))}</p>`);
  return out.join('');
}

/** The years' tax per mu as bars, with no library: a withheld year is a dash on the axis. */
function seriesSvg(series) {
  const w = 44;
  const h = 56;
  const top = 14;
  const vals = series.map((x) => (x.shown && typeof x.tax_per_mu === 'number' ? x.tax_per_mu : null));
  const max = Math.max(...vals.filter((v) => v !== null).map((v) => Math.abs(v)), 1e-9);
  const bars = series.map((x, i) => {
    const v = vals[i];
    const cx = i * w + w / 2;
    const label = `<text x="${cx}" y="${top + h + 12}" text-anchor="middle" font-size="10" fill="#666">${escapeHtml(x.year)}</text>`;
    if (v === null) {
      return `<g><title>${escapeHtml(x.year)}: ${escapeHtml(t('card.eff.seriesHidden'))}</title>
        <line x1="${cx - 8}" x2="${cx + 8}" y1="${top + h - 1}" y2="${top + h - 1}" stroke="#bbb" stroke-width="2"/>${label}</g>`;
    }
    const bh = Math.max(1, (Math.max(v, 0) / max) * h);
    return `<g><title>${escapeHtml(x.year)}: ${fmt(v, 2)}</title>
      <rect x="${cx - 12}" y="${top + h - bh}" width="24" height="${bh}" fill="#2b6cb0" rx="2"/>
      <text x="${cx}" y="${top + h - bh - 3}" text-anchor="middle" font-size="10" fill="#333">${fmt(v, v >= 100 ? 0 : 1)}</text>${label}</g>`;
  }).join('');
  return `<svg class="za-eff-series" role="img" aria-label="${escapeHtml(t('card.eff.series'))}" width="${series.length * w}" height="${top + h + 16}" viewBox="0 0 ${series.length * w} ${top + h + 16}">${bars}</svg>`;
}

/**
 * The citation as a planner writes it (《title》第939、945行) and the plan's own words at the cited
 * lines, only the sentences that concern this feature (the server picks them, SourceDocs.excerpts),
 * so the reader need not open the document.
 */
async function loadSourceText(el, p, ctx) {
  let r;
  try {
    r = await ctx.api('/api/sources/' + encodeURIComponent(p.source_doc) + '?lines=' + encodeURIComponent(p.source_lines)
      + (p.name_zh ? '&about=' + encodeURIComponent(p.name_zh) : ''));
  } catch (e) {
    return; // the line numbers are still shown
  }
  if (!el.isConnected) return;
  const cite = el.querySelector('.za-source-cite');
  if (cite && r.citation) cite.textContent = pick(r.citation.zh, r.citation.en);
  const quotes = (r.excerpts || []).filter((x) => x.text);
  const list = el.querySelector('.za-source-text');
  if (!quotes.length || !list) return;
  list.innerHTML = quotes.map((x) => `<li data-line="${x.line}"><span class="za-source-line">${escapeHtml(lineWords(String(x.line)))}${x.notice ? escapeHtml(t('details.notice')) : ''}</span>“${escapeHtml(x.text)}”</li>`).join('');
  list.setAttribute('aria-label', t('details.quote'));
  list.hidden = false;
}

/** "第939、945行" / "lines 939, 945" of a spec like "939,945" or "1125-1127". */
function lineWords(spec) {
  const parts = String(spec).split(',').map((x) => x.trim().replace(/-/g, '–')).filter((x) => x);
  if (!parts.length) return '';
  return t(parts.length > 1 || parts[0].includes('–') ? 'details.linesMany' : 'details.lines',
    { l: parts.join(getLang() === 'en' ? ', ' : '、') });
}

export function renderMessage(el, text) {
  el.innerHTML = `<p class="za-empty">${escapeHtml(text)}</p>`;
}

function fact(label, main, sub) {
  return `<div class="fact"><div class="fact-label">${escapeHtml(label)}</div><div class="fact-main">${main}</div>${sub ? `<div class="fact-sub">${sub}</div>` : ''}</div>`;
}

function muHa(m2, mu) {
  const muV = mu !== null && mu !== undefined ? mu : m2 / M2_PER_MU;
  return [`${fmt(muV, muV < 100 ? 2 : 0)} <small>${escapeHtml(t('unit.mu'))}</small>`,
    `${fmt(m2 / 10000, 2)} ${escapeHtml(t('unit.ha'))}`];
}

function facts(collection, p) {
  const out = [];
  if (p.area_m2) {
    const [a, b] = muHa(p.area_m2, p.area_mu);
    const label = collection === 'parcels' ? t('details.area') : t('details.drawnArea');
    out.push(fact(label, a, b));
  }
  if (p.planned_area_km2) {
    const m2 = p.planned_area_km2 * 1e6;
    out.push(fact(t('details.plannedArea'), `${fmt(p.planned_area_km2, 2)} <small>${escapeHtml(t('unit.km2'))}</small>`,
      `${fmt(m2 / M2_PER_MU, 0)} ${escapeHtml(t('unit.mu'))} · ${fmt(m2 / 10000, 0)} ${escapeHtml(t('unit.ha'))}`));
  }
  if (p.length_km) {
    out.push(fact(t('measure.length'), `${fmt(p.length_km, 2)} <small>${escapeHtml(t('unit.km'))}</small>`, ''));
  }
  return out.length ? `<div class="za-facts">${out.join('')}</div>` : '';
}

function source(p) {
  if (!p.source_doc) return '';
  // the document's title arrives with the quote; until then (or if it fails) the lines alone
  return `<div class="za-source"><span class="za-source-label">${escapeHtml(t('details.source'))}</span>
    <span class="za-source-cite">${escapeHtml(lineWords(p.source_lines || ''))}</span>
    <ol class="za-source-text" hidden></ol></div>`;
}

function displayValue(name, v, collection, ctx) {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return escapeHtml(v ? t('yes') : t('no'));
  if (name === 'zone') return escapeHtml(value('zone', v));
  if (name === 'board' || name === 'park' || name === 'small_micro_park') return escapeHtml(ctx.planName(v) || v);
  if (name === 'kind') return escapeHtml(value('kind', v));
  if (name === 'status') {
    if (collection === 'parcels') {
      return `<span class="swatch" style="background:${STATUS_COLORS[v] || '#999'}"></span>${escapeHtml(value('parcelStatus', v))}`;
    }
    return escapeHtml(value('planStatus', v));
  }
  if (name === 'size_class') return escapeHtml(value('sizeClass', v));
  if (name === 'land_use_name') {
    const code = ctx.props.land_use_code;
    return `<span class="swatch" style="background:${landUseColor(code)}"></span>${escapeHtml(landUseName(code, v, getLang()))}${code ? ` <small>(${escapeHtml(code)})</small>` : ''}`;
  }
  if (typeof v === 'number') {
    if (/year/.test(name)) return String(v);
    if (name === 'far' || name === 'far_min') return fmt(v, 2);
    if (name === 'coverage' || name === 'coverage_min') return fmt(v * 100, 0) + '%';
    return fmt(v, Number.isInteger(v) ? 0 : 2);
  }
  return escapeHtml(v);
}

function attributes(collection, p, ctx) {
  const props = (ctx.schema && ctx.schema.properties) || {};
  const names = Object.keys(props).length ? Object.keys(props) : Object.keys(p);
  const rows = [];
  const c = Object.assign({}, ctx, { props: p });
  for (const name of names) {
    if (SHOWN.has(name)) continue;
    if (collection === 'parcels' && name === 'land_use_code') continue;
    // each reader gets the note in their language; a note written only in the other is not shown
    if (name === (getLang() === 'en' ? 'placement_note_zh' : 'placement_note')) continue;
    const shown = displayValue(name, p[name], collection, c);
    if (shown === null) continue;
    const def = props[name] || {};
    const label = getLang() === 'en' ? def['x-title-en'] || name : def.title || name;
    rows.push(`<tr><th>${escapeHtml(label)}</th><td>${shown}</td></tr>`);
  }
  if (!rows.length) return '';
  return `<h3 class="za-h3">${escapeHtml(t('details.attributes'))}</h3><table class="za-attrs"><tbody>${rows.join('')}</tbody></table>`;
}

async function loadSummary(el, collection, id, ctx) {
  el.hidden = false;
  el.innerHTML = `<h3 class="za-h3">${escapeHtml(t('summary.title'))}</h3><p class="za-muted">${escapeHtml(t('details.loading'))}</p>`;
  let s;
  try {
    s = await ctx.api('/api/summary/' + encodeURIComponent(collection) + '/' + encodeURIComponent(id));
  } catch (e) {
    el.innerHTML = `<h3 class="za-h3">${escapeHtml(t('summary.title'))}</h3><p class="za-muted">${escapeHtml(e.message)}</p>`;
    return;
  }
  if (!el.isConnected) return;
  const badge = `<span class="badge badge-synthetic" title="${escapeHtml(t('badge.synthetic.title'))}">${escapeHtml(t('badge.synthetic'))}</span>`;
  if (!s.parcels.count) {
    el.innerHTML = `<h3 class="za-h3">${escapeHtml(t('summary.title'))} ${badge}</h3><p class="za-muted">${escapeHtml(t('summary.none'))}</p>`;
    return;
  }
  const [a, b] = muHa(s.parcels.area_m2, s.parcels.area_mu);
  const table = (groups, swatch, label) => `
    <table class="za-groups"><thead><tr><th>${escapeHtml(t('summary.col.class'))}</th><th>${escapeHtml(t('summary.col.count'))}</th>
      <th>${escapeHtml(t('summary.col.mu'))}</th><th>${escapeHtml(t('summary.col.ha'))}</th><th>${escapeHtml(t('summary.col.share'))}</th></tr></thead>
    <tbody>${groups.map((g) => `<tr><td><span class="swatch" style="background:${swatch(g)}"></span>${escapeHtml(label(g))}</td>
      <td>${fmt(g.count, 0)}</td><td>${fmt(g.area_mu, 0)}</td><td>${fmt(g.area_ha, 1)}</td><td>${fmt(g.share * 100, 1)}%</td></tr>`).join('')}</tbody></table>`;
  el.innerHTML = `
    <h3 class="za-h3">${escapeHtml(t('summary.title'))} ${badge}</h3>
    <div class="za-facts">
      ${fact(t('summary.parcels'), fmt(s.parcels.count, 0), '')}
      ${fact(t('summary.area'), a, b)}
      ${fact(t('summary.enterprises'), fmt(s.enterprises, 0), '')}
    </div>
    <h4 class="za-h4">${escapeHtml(t('summary.byLandUse'))}</h4>
    ${table(s.by_land_use, (g) => landUseColor(g.code), (g) => landUseName(g.code, g.name, getLang()))}
    <h4 class="za-h4">${escapeHtml(t('summary.byStatus'))}</h4>
    ${table(s.by_status, (g) => STATUS_COLORS[g.code] || '#999', (g) => value('parcelStatus', g.code))}`;
}

async function share(el, url) {
  const box = el.querySelector('.za-share');
  const input = box.querySelector('input');
  const msg = box.querySelector('.za-share-msg');
  box.hidden = false;
  input.value = url;
  try {
    if (!navigator.clipboard || !window.isSecureContext) throw new Error('no clipboard');
    await navigator.clipboard.writeText(url);
    msg.textContent = t('details.copied');
  } catch (e) {
    input.focus();
    input.select();
    msg.textContent = t('details.copy.manual');
  }
}
