// The printable site card (site.html?id=PARCEL) and the comparison of up to three sites
// (site.html?compare=A,B,C). Data from /api/sites/{id}/card and /api/sites/compare; the map is the
// server's SVG drawn from the data (no tiles, works offline). Chinese first; ?lang=en for English.
// A parcel is named by its zone and number (title_zh), never by its system id, and every figure of
// the 标准地 section reads as a requirement. Fits one A4 page when printed (css/site.css).

import { formatTime, setLang } from './i18n.js';
import { landUseName } from './styles.js';

const params = new URLSearchParams(location.search);
const INVESTOR = ['invest_wan', 'invest_wan_per_mu', 'tax_wan', 'tax_wan_per_mu'];
let lang = params.get('lang') === 'en' ? 'en' : 'zh';

const L10N = {
  zh: {
    kicker: '招商地块推介卡', compare: '地块对比', loading: '加载中…', back: '← 返回地图', print: '打印 / 存为 PDF', copy: '复制分享链接',
    'back.short': '← 地图', 'print.short': '打印', 'copy.short': '复制链接',
    copied: '链接已复制', switch: 'EN', area: '面积', landUse: '用地分类', status: '土地状态', supply: '供地年份', far: '现状容积率',
    mu: '亩', ha: '公顷', place: '区位', zone: '开发区', board: '核心板块', park: '产业园区', smp: '小微企业园',
    req: '标准地控制指标（出让要求）', reqNote: '项目的固定资产投资强度与亩均税收达到以上要求，方可按标准地取得本地块。',
    near: '周边基础设施（最近距离）', noneWithin: '{km} 公里内无', nearRadius: '各类在 {km} 公里内查找{extra}。',
    nearExtra: '，{name} {km} 公里', nearScope: '标“同城”的只计本市设施（供水、污水、燃气、学校、医院等按城市供给）；标“本区”的只计本开发区及全市性规划中的设施（变电站、供热按所在开发区负荷规划）。',
    schematic: '基础设施位置为示意：据规划文本绘制，未经测量。',
    'serves.city': '同城', 'serves.zone': '本区', 'fstatus.planned': '规划', 'fstatus.under_construction': '在建', 'fstatus.proposed': '拟建',
    test: '标准地测算', qualifies: '符合标准地要求', fails: '不符合标准地要求', noStandard: '本地块未设投资强度与亩均税收要求',
    noTest: '未填写项目投资与税收，未作测算。在地图的“选址”面板填写后打开地块卡片，即可在此看到是否符合。',
    maxArea: '按项目总额可取得的最大面积', ents: '用地企业', noEnts: '无', point: '中心坐标（2000国家大地坐标系）',
    generated: '生成时间', map: '位置示意图', none: '—', notFound: '未找到该地块，可能已被合并或删除。', failed: '加载失败，请稍后重试。',
    synthetic: '示例数据', missing: '请从地图或选址结果打开地块卡片', noReq: '无要求', 'role.owner': '权属', 'role.tenant': '租用',
  },
  en: {
    kicker: 'Investment site card', compare: 'Site comparison', loading: 'Loading…', back: '← Back to the map', print: 'Print / save as PDF',
    'back.short': '← Map', 'print.short': 'Print', 'copy.short': 'Copy link',
    copy: 'Copy share link', copied: 'Link copied', switch: '中文', area: 'Area', landUse: 'Land use', status: 'Status', supply: 'Supplied',
    far: 'Current FAR', mu: 'mu', ha: 'ha', place: 'Location', zone: 'Zone', board: 'Core board', park: 'Industrial park',
    smp: 'Small-micro park', req: 'Standard-land requirements', reqNote: 'A project whose fixed-asset investment and tax per mu reach these requirements can take this parcel as standard land.',
    near: 'Nearest infrastructure', noneWithin: 'none within {km} km', nearRadius: 'Each kind is searched within {km} km{extra}.',
    nearExtra: ', {name} {km} km', nearScope: '"Same city": only facilities of this city count (water, sewage, gas, schools, hospitals are supplied per city); "same zone": only those of this zone or the city-wide plan (substations and heating are planned for their zone\'s load).',
    schematic: 'Infrastructure positions are schematic: drawn from the plan documents, not surveyed.',
    'serves.city': 'same city', 'serves.zone': 'same zone', 'fstatus.planned': 'planned', 'fstatus.under_construction': 'under construction', 'fstatus.proposed': 'proposed',
    test: 'Standard-land test', qualifies: 'qualifies as standard land', fails: 'does not qualify', noStandard: 'the parcel sets no investment or tax requirement',
    noTest: 'No project investment or tax given, so not tested. Fill them in on the map\'s Finder panel and open the card from there to see the verdict here.',
    maxArea: 'Largest area the project qualifies for', ents: 'Enterprises on the parcel', noEnts: 'none', point: 'Centre (CGCS2000)', generated: 'Generated', map: 'Site map',
    none: '—', notFound: 'No such parcel: it may have been merged or deleted.', failed: 'Could not load; please try again.', synthetic: 'demo data', missing: 'Open a site card from the map or the finder', noReq: 'none set', 'role.owner': 'owner', 'role.tenant': 'tenant',
  },
};
const T = (k, v) => {
  let s = L10N[lang][k] || k;
  if (v) for (const [a, b] of Object.entries(v)) s = s.replace('{' + a + '}', b);
  return s;
};
const pick = (zh, en) => (lang === 'zh' ? zh : en || zh);

function esc(s) {
  return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function num(v, d = 2) {
  if (v === null || v === undefined) return T('none');
  return Number(v).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: d });
}

function dist(m) {
  if (lang === 'zh') return m >= 1000 ? num(m / 1000, 2) + ' 公里' : num(m, 0) + ' 米';
  return m >= 1000 ? num(m / 1000, 2) + ' km' : num(m, 0) + ' m';
}

/** A time in Beijing time, written as on every other screen and export (i18n.js formatTime). */
function when(iso) {
  setLang(lang);
  return formatTime(iso) || T('none');
}

function useName(code, name) {
  return landUseName(code, name, lang);
}

function investorQuery() {
  const q = new URLSearchParams();
  for (const k of INVESTOR) if (params.get(k)) q.set(k, params.get(k));
  return q;
}

async function get(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = new Error((body && body.description) || 'HTTP ' + res.status);
    e.status = res.status;
    throw e;
  }
  return body;
}

// ---- one card -------------------------------------------------------------------------------

function placeText(c) {
  const p = c.place || {};
  return [pick(p.zone_zh, p.zone_en), pick(p.board_zh, p.board_en), pick(p.park_zh, p.park_en),
    pick(p.small_micro_park_zh, p.small_micro_park_en)].filter(Boolean).join(' · ');
}

/** The nearest facility of one category: its name (and plan status), or "none within R km". */
function nearestName(n) {
  if (!n.feature) return '<span class="muted">' + esc(T('noneWithin', { km: num(n.radius_m / 1000, 0) })) + '</span>';
  const st = n.feature.status && L10N[lang]['fstatus.' + n.feature.status];
  return esc(pick(n.feature.name_zh, n.feature.name_en)) + (st ? ' <span class="muted">' + esc(lang === 'zh' ? '（' + st + '）' : '(' + st + ')') + '</span>' : '');
}

function scopeTag(n) {
  return n.serves && n.serves !== 'any' ? ' <span class="scope">' + esc(T('serves.' + n.serves)) + '</span>' : '';
}

function nearestRows(c) {
  return c.nearest.map((n) => '<tr><th>' + esc(pick(n.category_zh, n.category_en)) + scopeTag(n) + '</th><td>' + nearestName(n)
    + '</td><td class="num">' + (n.feature ? esc(dist(n.distance_m)) : '') + '</td></tr>').join('');
}

/** How far each category was searched and whose facilities count, from the answer itself. */
function nearestNote(nearest) {
  const counts = {};
  for (const n of nearest) counts[n.radius_m] = (counts[n.radius_m] || 0) + 1;
  const common = Number(Object.keys(counts).sort((a, b) => counts[b] - counts[a])[0]);
  const extra = nearest.filter((n) => n.radius_m !== common)
    .map((n) => T('nearExtra', { name: pick(n.category_zh, n.category_en), km: num(n.radius_m / 1000, 0) })).join('');
  let h = T('nearRadius', { km: num(common / 1000, 0), extra });
  if (nearest.some((n) => n.serves && n.serves !== 'any')) h += ' ' + T('nearScope');
  return '<p class="caption">' + esc(h + ' ' + T('schematic')) + '</p>';
}

/** A control indicator as a requirement ("要求 ≥ 260 万元/亩"); none set when the parcel sets none. */
function reqValue(r) {
  return pick(r.requirement_zh, r.requirement_en) || T('noReq');
}

function reqRows(c) {
  return c.requirements.map((r) => '<tr><th>' + esc(pick(r.zh, r.en)) + '</th><td class="num">' + esc(reqValue(r)) + '</td></tr>').join('');
}

function testSection(c) {
  const s = c.standard_land;
  if (!s) {
    return '<section class="verdict"><h2>' + esc(T('test')) + '</h2><p class="muted">' + esc(T('noTest')) + '</p></section>';
  }
  // a parcel supplied before the standard-land rules sets no requirement: nothing to pass or fail
  const none = !(s.req_invest_wan_per_mu > 0) && !(s.req_tax_wan_per_mu > 0);
  const verdict = none ? '<span class="muted">' + esc(T('noStandard')) + '</span>'
    : '<span class="' + (s.qualifies ? 'ok' : 'no') + '">' + esc(s.qualifies ? '✓ ' + T('qualifies') : '✗ ' + T('fails')) + '</span>';
  return '<section class="verdict ' + (none ? '' : s.qualifies ? 'pass' : 'fail') + '"><h2>' + esc(T('test')) + ' ' + verdict + '</h2><table>'
    + s.reasons.map((r) => '<tr><td class="mark ' + (r.ok ? 'ok' : 'no') + '">' + (r.ok ? '✓' : '✗') + '</td><td>' + esc(pick(r.zh, r.en)) + '</td></tr>').join('')
    + (s.max_area_mu ? '<tr><td></td><td>' + esc(T('maxArea')) + (lang === 'zh' ? '：' : ': ') + esc(num(s.max_area_mu, 1)) + ' ' + esc(T('mu')) + '</td></tr>' : '')
    + '</table></section>';
}

function fact(label, value, sub) {
  return '<div class="fact"><div class="l">' + esc(label) + '</div><div class="v">' + esc(value) + '</div>'
    + (sub ? '<div class="s">' + esc(sub) + '</div>' : '') + '</div>';
}

function mapSrc(c) {
  return c.links.map_svg + (lang === 'en' ? '?lang=en' : '');
}

function renderCard(c) {
  const a = c.attributes;
  const title = pick(c.title_zh, c.title_en);
  document.title = T('kicker') + ' · ' + title;
  const ents = c.enterprises.length
    ? c.enterprises.map((e) => esc(pick(e.name_zh, e.name_en)) + ' <span class="muted">' + esc(lang === 'zh' ? '（' + T('role.' + e.role) + '）' : '(' + T('role.' + e.role) + ')') + '</span>').join(lang === 'zh' ? '；' : '; ')
    : esc(T('noEnts'));
  const use = useName(a.land_use_code, a.land_use_name);
  return '<header class="card-head"><div><div class="kicker">' + esc(T('kicker')) + '</div><h1>' + esc(title)
    + (c.synthetic ? '<span class="badge">' + esc(T('synthetic')) + '</span>' : '') + '</h1></div><div class="place">'
    + esc(placeText(c)) + '<br>' + esc(a.land_use_code + ' ' + use) + '</div></header>'
    + '<div class="facts">'
    + fact(T('area'), num(a.area_mu, 2) + ' ' + T('mu'), num(a.area_ha, 2) + ' ' + T('ha'))
    + fact(T('landUse'), use, a.land_use_code)
    + fact(T('status'), pick(a.status_zh, a.status_en), '')
    + fact(T('supply'), a.supply_year || T('none'), '')
    + '</div>'
    + testSection(c)
    + '<div class="grid2"><section><h2>' + esc(T('map')) + '</h2><img class="map" alt="' + esc(T('map')) + '" src="' + esc(mapSrc(c)) + '"></section>'
    + '<div><section><h2>' + esc(T('req')) + '</h2><table>' + reqRows(c) + '</table><p class="caption">' + esc(T('reqNote')) + '</p></section>'
    + '<section><h2>' + esc(T('place')) + '</h2><table>'
    + row(T('zone'), pick(c.place.zone_zh, c.place.zone_en)) + row(T('board'), pick(c.place.board_zh, c.place.board_en))
    + row(T('park'), pick(c.place.park_zh, c.place.park_en)) + row(T('smp'), pick(c.place.small_micro_park_zh, c.place.small_micro_park_en))
    + row(T('point'), c.point[0].toFixed(5) + ', ' + c.point[1].toFixed(5))
    + row(T('far'), a.far > 0 ? num(a.far, 2) : null) + '</table></section></div></div>'
    + '<section><h2>' + esc(T('near')) + '</h2><table class="near">' + nearestRows(c) + '</table>' + nearestNote(c.nearest) + '</section>'
    + '<section><h2>' + esc(T('ents')) + '</h2><p>' + ents + '</p></section>'
    + '<footer class="notes"><p>' + esc(pick(c.note_zh, c.note_en)) + '</p><p>' + esc(T('generated')) + (lang === 'zh' ? '：' : ': ') + esc(when(c.generated_at)) + '</p></footer>';
}

function row(label, value) {
  return value === null || value === undefined || value === '' ? '' : '<tr><th>' + esc(label) + '</th><td>' + esc(value) + '</td></tr>';
}

// ---- comparison ------------------------------------------------------------------------------

function renderCompare(cmp) {
  const cs = cmp.sites;
  const title = (c) => pick(c.title_zh, c.title_en);
  document.title = T('compare') + ' · ' + cs.map(title).join(' / ');
  const line = (label, f) => '<tr><th>' + esc(label) + '</th>' + cs.map((c) => '<td>' + f(c) + '</td>').join('') + '</tr>';
  let h = '<header class="card-head"><div><div class="kicker">' + esc(T('kicker')) + '</div><h1>' + esc(T('compare')) + '</h1></div>'
    + '<div class="place">' + cs.map((c) => esc(title(c))).join(' · ') + '</div></header><table class="cmp">';
  h += line('', (c) => '<b>' + esc(title(c)) + '</b><br><span class="muted">' + esc(placeText(c)) + '</span>');
  h += line(T('map'), (c) => '<img class="map" alt="" src="' + esc(mapSrc(c)) + '">');
  h += line(T('area'), (c) => esc(num(c.attributes.area_mu, 2) + ' ' + T('mu') + ' / ' + num(c.attributes.area_ha, 2) + ' ' + T('ha')));
  h += line(T('landUse'), (c) => esc(c.attributes.land_use_code + ' ' + useName(c.attributes.land_use_code, c.attributes.land_use_name)));
  h += line(T('status'), (c) => esc(pick(c.attributes.status_zh, c.attributes.status_en)));
  for (let i = 0; i < cs[0].requirements.length; i++) {
    const r0 = cs[0].requirements[i];
    h += line(pick(r0.zh, r0.en), (c) => esc(reqValue(c.requirements[i])));
  }
  for (let i = 0; i < cs[0].nearest.length; i++) {
    const n0 = cs[0].nearest[i];
    h += line(pick(n0.category_zh, n0.category_en), (c) => {
      const n = c.nearest[i];
      return n.feature ? esc(dist(n.distance_m)) + '<br>' + nearestName(n) : nearestName(n);
    });
  }
  if (cs.some((c) => c.standard_land)) {
    h += line(T('test'), (c) => (c.standard_land ? '<span class="' + (c.standard_land.qualifies ? 'ok' : 'no') + '">'
      + esc(c.standard_land.qualifies ? T('qualifies') : T('fails')) + '</span><br>'
      + c.standard_land.reasons.map((r) => esc(pick(r.zh, r.en))).join('<br>') : ''));
  }
  h += '</table>' + nearestNote(cs[0].nearest) + '<footer class="notes"><p>' + esc(pick(cs[0].note_zh, cs[0].note_en)) + '</p></footer>';
  return h;
}

// ---- page ----------------------------------------------------------------------------------

/** A toolbar label, with a short form that a narrow screen shows instead (css/site.css). */
function label(id, key) {
  document.getElementById(id).innerHTML = '<span class="long">' + esc(T(key)) + '</span><span class="short">' + esc(T(key + '.short')) + '</span>';
}

function relabel() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  label('back', 'back');
  label('print', 'print');
  label('copy', 'copy');
  document.getElementById('copy').title = T('copy');
  document.getElementById('print').title = T('print');
  document.getElementById('lang').textContent = T('switch');
  document.getElementById('lang').title = lang === 'zh' ? 'English' : '中文';
}

let data = null;
async function load() {
  const main = document.getElementById('card');
  relabel();
  const inv = investorQuery().toString();
  try {
    if (params.get('compare')) {
      main.classList.add('compare');
      data = data || await get('/api/sites/compare?ids=' + encodeURIComponent(params.get('compare')) + (inv ? '&' + inv : ''));
      main.innerHTML = renderCompare(data);
    } else if (params.get('id')) {
      data = data || await get('/api/sites/' + encodeURIComponent(params.get('id')) + '/card' + (inv ? '?' + inv : ''));
      main.innerHTML = renderCard(data);
      document.getElementById('back').href = data.links.map;
    } else {
      main.innerHTML = '<p class="error">' + esc(T('missing')) + '</p>';
    }
  } catch (e) {
    // the server's description is for developers (English); readers get a sentence of their own
    main.innerHTML = '<p class="error">' + esc(e.status === 404 ? T('notFound') : T('failed')) + '</p>';
  }
}

document.getElementById('print').addEventListener('click', () => window.print());
document.getElementById('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  if (lang === 'en') params.set('lang', 'en');
  else params.delete('lang');
  history.replaceState(null, '', location.pathname + '?' + params.toString());
  load();
});
document.getElementById('copy').addEventListener('click', async () => {
  const b = document.getElementById('copy');
  try {
    await navigator.clipboard.writeText(location.href);
    b.textContent = T('copied');
  } catch (e) {
    window.prompt(T('copy'), location.href);
  }
  setTimeout(() => label('copy', 'copy'), 2000);
});
load();
