// The detail card of a selected feature: its name, what the plan says about it and where (document
// and line), its area in mu and hectares, its attributes under their Chinese (or English) labels,
// and for zones, boards and parks the totals of their parcels.

import { getLang, pick, t, value } from './i18n.js';
import { escapeHtml, fmt, PLAN_COLLECTIONS } from './layers.js';
import { landUseColor, landUseName, STATUS_COLORS } from './styles.js';

const M2_PER_MU = 10000 / 15;

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
    title = t('coll.parcels') + ' ' + feature.id;
    subtitle = landUseName(p.land_use_code, p.land_use_name, getLang());
  } else {
    title = pick(p.name_zh, p.name_en) || feature.id;
    subtitle = getLang() === 'en' ? p.name_zh : p.name_en;
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
      ${attributes(collection, p, ctx)}
    </article>`;

  el.querySelector('[data-act=zoom]').addEventListener('click', () => ctx.onZoom());
  el.querySelector('[data-act=share]').addEventListener('click', () => share(el, ctx.shareUrl()));
  // the totals are today's (/api/summary has no datetime): not shown on a map of an earlier moment
  if (PLAN_COLLECTIONS.includes(collection) && !ctx.asOf) loadSummary(el.querySelector('.za-summary'), collection, feature.id, ctx);
  if (p.source_doc && p.source_lines) loadSourceText(el.querySelector('.za-source-text'), p, ctx);
}

/** The plan's own words at the cited lines, so the reader need not open the document. */
async function loadSourceText(el, p, ctx) {
  let r;
  try {
    r = await ctx.api('/api/sources/' + encodeURIComponent(p.source_doc) + '?lines=' + encodeURIComponent(p.source_lines));
  } catch (e) {
    return; // the citation itself is still shown
  }
  if (!el.isConnected) return;
  const text = r.lines.map((l) => l.text).filter((x) => x).join(' ');
  const cut = text.length > 600 ? text.slice(0, 600) + '…' : text;
  el.textContent = '“' + cut + '”';
  el.hidden = false;
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
  const num = String(p.source_doc).slice(0, 3);
  const title = value('doc', num);
  const docName = title && title !== num ? `《${escapeHtml(title)}》` : '';
  const parts = p.source_lines ? String(p.source_lines).split(',').map((x) => x.trim().replace(/-/g, '–')) : [];
  const lines = parts.length ? t(parts.length > 1 || parts[0].includes('–') ? 'details.linesMany' : 'details.lines',
    { l: parts.join(getLang() === 'en' ? ', ' : '、') }) : '';
  return `<div class="za-source"><span class="za-source-label">${escapeHtml(t('details.source'))}</span>
    ${docName} <span class="za-source-lines">${escapeHtml(lines)}</span>
    <div class="za-source-file"><code>${escapeHtml(p.source_doc)}</code>${p.source_lines ? ` : <code>${escapeHtml(p.source_lines)}</code>` : ''}</div>
    <blockquote class="za-source-text" hidden></blockquote></div>`;
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
