// The printable site card (site.html?id=PARCEL) and the comparison of up to three sites
// (site.html?compare=A,B,C). Data from /api/sites/{id}/card and /api/sites/compare; the map is the
// server's SVG drawn from the data (no tiles, works offline). Chinese first; ?lang=en for English.

const params = new URLSearchParams(location.search);
const INVESTOR = ['invest_wan', 'invest_wan_per_mu', 'tax_wan', 'tax_wan_per_mu'];
let lang = params.get('lang') === 'en' ? 'en' : 'zh';

const L10N = {
  zh: {
    kicker: '招商地块推介卡', compare: '地块对比', loading: '加载中…', back: '← 返回地图', print: '打印 / 存为 PDF', copy: '复制分享链接',
    copied: '链接已复制', switch: 'EN', area: '面积', landUse: '用地分类', status: '土地状态', supply: '供地年份', far: '现状容积率',
    mu: '亩', ha: '公顷', attrs: '地块信息', place: '区位', zone: '开发区', board: '核心板块', park: '产业园区', smp: '小微企业园',
    req: '控制指标（标准地）', near: '周边基础设施（最近距离）', noneWithin: '{km} 公里内无', test: '标准地测算', qualifies: '符合要求',
    fails: '不符合要求', maxArea: '按项目总额可申请的最大面积', ents: '用地企业', noEnts: '无', point: '中心坐标（CGCS2000）',
    generated: '生成时间', share: '分享链接', map: '位置示意图', id: '地块编号', none: '—', notFound: '未找到地块',
    synthetic: '合成数据', missing: '缺少 ?id= 或 ?compare= 参数', noReq: '无要求', 'role.owner': '权属', 'role.tenant': '租用',
  },
  en: {
    kicker: 'Investment site card', compare: 'Site comparison', loading: 'Loading…', back: '← Back to the map', print: 'Print / save as PDF',
    copy: 'Copy share link', copied: 'Link copied', switch: '中文', area: 'Area', landUse: 'Land use', status: 'Status', supply: 'Supplied',
    far: 'Current FAR', mu: 'mu', ha: 'ha', attrs: 'Parcel', place: 'Location', zone: 'Zone', board: 'Core board', park: 'Industrial park',
    smp: 'Small-micro park', req: 'Control indicators (standard land)', near: 'Nearest infrastructure', noneWithin: 'none within {km} km',
    test: 'Standard-land test', qualifies: 'qualifies', fails: 'does not qualify', maxArea: 'Largest area the project qualifies for',
    ents: 'Enterprises on the parcel', noEnts: 'none', point: 'Centre (CGCS2000)', generated: 'Generated', share: 'Share link', map: 'Site map',
    id: 'Parcel', none: '—', notFound: 'No such parcel', synthetic: 'synthetic', missing: 'Give ?id= or ?compare=', noReq: 'none set', 'role.owner': 'owner', 'role.tenant': 'tenant',
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
  return m >= 1000 ? num(m / 1000, 2) + ' km' : num(m, 0) + ' m';
}

function investorQuery() {
  const q = new URLSearchParams();
  for (const k of INVESTOR) if (params.get(k)) q.set(k, params.get(k));
  return q;
}

async function get(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error((body && body.description) || 'HTTP ' + res.status);
  return body;
}

// ---- one card -------------------------------------------------------------------------------

function placeText(c) {
  const p = c.place || {};
  return [p.zone_zh || p.zone, p.board_zh, p.park_zh, p.small_micro_park_zh].filter(Boolean).join(' · ');
}

function nearestRows(c) {
  return c.nearest.map((n) => '<tr><th>' + esc(pick(n.category_zh, n.category_en)) + '</th><td>'
    + (n.feature ? esc(pick(n.feature.name_zh, n.feature.name_en)) : '<span class="muted">'
      + esc(T('noneWithin', { km: num(n.none_within_m / 1000, 0) })) + '</span>')
    + '</td><td class="num">' + (n.feature ? esc(dist(n.distance_m)) : '') + '</td></tr>').join('');
}

/** A control indicator; 0 or none means the parcel sets no requirement. */
function reqValue(r) {
  return r.value ? num(r.value, 2) + ' ' + pick(r.unit_zh, r.unit_en) : T('noReq');
}

function reqRows(c) {
  return c.requirements.map((r) => '<tr><th>' + esc(pick(r.zh, r.en)) + '</th><td class="num">' + esc(reqValue(r)) + '</td></tr>').join('');
}

function testSection(c) {
  const s = c.standard_land;
  if (!s) return '';
  return '<section><h2>' + esc(T('test')) + ' <span class="' + (s.qualifies ? 'ok' : 'no') + '">'
    + esc(s.qualifies ? T('qualifies') : T('fails')) + '</span></h2><table>'
    + s.reasons.map((r) => '<tr><td class="' + (r.ok ? 'ok' : 'no') + '">' + (r.ok ? '✓' : '✗') + '</td><td>' + esc(pick(r.zh, r.en)) + '</td></tr>').join('')
    + (s.max_area_mu ? '<tr><td></td><td>' + esc(T('maxArea')) + '：' + esc(num(s.max_area_mu, 1)) + ' ' + esc(T('mu')) + '</td></tr>' : '')
    + '</table></section>';
}

function fact(label, value, sub) {
  return '<div class="fact"><div class="l">' + esc(label) + '</div><div class="v">' + esc(value) + '</div>'
    + (sub ? '<div class="s">' + esc(sub) + '</div>' : '') + '</div>';
}

function renderCard(c) {
  const a = c.attributes;
  document.title = T('kicker') + ' · ' + c.id;
  const share = location.origin + c.links.share + (lang === 'en' ? '&lang=en' : '');
  const ents = c.enterprises.length
    ? c.enterprises.map((e) => esc(pick(e.name_zh, e.name_en)) + ' <span class="muted">(' + esc(T('role.' + e.role)) + ')</span>').join('；')
    : esc(T('noEnts'));
  return '<header class="card-head"><div><div class="kicker">' + esc(T('kicker')) + '</div><h1>' + esc(T('id')) + ' ' + esc(c.id)
    + (c.synthetic ? '<span class="badge">' + esc(T('synthetic')) + '</span>' : '') + '</h1></div><div class="place">'
    + esc(placeText(c)) + '<br>' + esc(a.land_use_code + ' ' + a.land_use_name) + '</div></header>'
    + '<div class="facts">'
    + fact(T('area'), num(a.area_mu, 2) + ' ' + T('mu'), num(a.area_ha, 2) + ' ' + T('ha'))
    + fact(T('landUse'), a.land_use_name, a.land_use_code)
    + fact(T('status'), pick(a.status_zh, a.status_en), '')
    + fact(T('supply'), a.supply_year || T('none'), '')
    + '</div>'
    + '<section><h2>' + esc(T('map')) + '</h2><img class="map" alt="' + esc(T('map')) + '" src="' + esc(c.links.map_svg) + '"></section>'
    + '<div class="grid2"><section><h2>' + esc(T('req')) + '</h2><table>' + reqRows(c) + '</table></section>'
    + '<section><h2>' + esc(T('place')) + '</h2><table>'
    + row(T('zone'), c.place.zone_zh || c.place.zone) + row(T('board'), c.place.board_zh) + row(T('park'), c.place.park_zh)
    + row(T('smp'), c.place.small_micro_park_zh) + row(T('point'), c.point[0].toFixed(6) + ', ' + c.point[1].toFixed(6))
    + row(T('far'), a.far === null ? null : num(a.far, 2)) + '</table></section></div>'
    + '<section><h2>' + esc(T('near')) + '</h2><table>' + nearestRows(c) + '</table></section>'
    + testSection(c)
    + '<section><h2>' + esc(T('ents')) + '</h2><p>' + ents + '</p></section>'
    + '<footer class="notes"><p>' + esc(c.note) + '</p><p>' + esc(T('generated')) + '：' + esc(c.generated_at) + ' · ' + esc(T('share'))
    + '：<span class="link">' + esc(share) + '</span></p></footer>';
}

function row(label, value) {
  return value === null || value === undefined || value === '' ? '' : '<tr><th>' + esc(label) + '</th><td>' + esc(value) + '</td></tr>';
}

// ---- comparison ------------------------------------------------------------------------------

function renderCompare(cmp) {
  const cs = cmp.sites;
  document.title = T('compare') + ' · ' + cs.map((c) => c.id).join(' / ');
  const line = (label, f) => '<tr><th>' + esc(label) + '</th>' + cs.map((c) => '<td>' + f(c) + '</td>').join('') + '</tr>';
  let h = '<header class="card-head"><div><div class="kicker">' + esc(T('kicker')) + '</div><h1>' + esc(T('compare')) + '</h1></div>'
    + '<div class="place">' + cs.map((c) => esc(c.id)).join(' · ') + '</div></header><table class="cmp">';
  h += line('', (c) => '<b>' + esc(c.id) + '</b><br><span class="muted">' + esc(placeText(c)) + '</span>');
  h += line(T('map'), (c) => '<img class="map" alt="" src="' + esc(c.links.map_svg) + '">');
  h += line(T('area'), (c) => esc(num(c.attributes.area_mu, 2) + ' ' + T('mu') + ' / ' + num(c.attributes.area_ha, 2) + ' ' + T('ha')));
  h += line(T('landUse'), (c) => esc(c.attributes.land_use_code + ' ' + c.attributes.land_use_name));
  h += line(T('status'), (c) => esc(pick(c.attributes.status_zh, c.attributes.status_en)));
  for (let i = 0; i < cs[0].requirements.length; i++) {
    const r0 = cs[0].requirements[i];
    h += line(pick(r0.zh, r0.en), (c) => esc(reqValue(c.requirements[i])));
  }
  for (let i = 0; i < cs[0].nearest.length; i++) {
    const n0 = cs[0].nearest[i];
    h += line(pick(n0.category_zh, n0.category_en), (c) => {
      const n = c.nearest[i];
      return n.feature ? esc(dist(n.distance_m)) + '<br><span class="muted">' + esc(pick(n.feature.name_zh, n.feature.name_en)) + '</span>'
        : '<span class="muted">' + esc(T('noneWithin', { km: num(n.none_within_m / 1000, 0) })) + '</span>';
    });
  }
  if (cs.some((c) => c.standard_land)) {
    h += line(T('test'), (c) => (c.standard_land ? '<span class="' + (c.standard_land.qualifies ? 'ok' : 'no') + '">'
      + esc(c.standard_land.qualifies ? T('qualifies') : T('fails')) + '</span><br>'
      + c.standard_land.reasons.map((r) => esc(pick(r.zh, r.en))).join('<br>') : ''));
  }
  h += '</table><footer class="notes"><p>' + esc(cs[0].note) + '</p><p>' + esc(T('share')) + '：<span class="link">' + esc(location.href)
    + '</span></p></footer>';
  return h;
}

// ---- page ----------------------------------------------------------------------------------

function relabel() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.getElementById('back').textContent = T('back');
  document.getElementById('print').textContent = T('print');
  document.getElementById('copy').textContent = T('copy');
  document.getElementById('lang').textContent = T('switch');
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
    main.innerHTML = '<p class="error">' + esc(e.message) + '</p>';
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
  setTimeout(() => (b.textContent = T('copy')), 2000);
});
load();
