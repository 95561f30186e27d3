// 年度评价 (annual evaluation) panel, for land officers and administrators: a zone's draft list for
// a scheme and year goes to public notice (公示), objections are recorded and decided, the list is
// published, and later corrections are new revisions with their reason. Bonus, penalty and exemption
// items are recorded against a firm here too. The server (/api/efficiency/evaluation, /items) checks
// every rule (dates, roles, undecided objections); this page shows its state and its refusals.

const ZA = window.ZA;
const PANEL = 'evaluation';

ZA.i18n.add({
  zh: {
    'ev.title': '年度评价',
    'ev.intro': '流程：草案 → 公示（受理异议）→ 正式公布；公布后名单冻结，如需更正须提交修订并说明原因，历次版本均保留。',
    'ev.zone': '开发区',
    'ev.scheme': '评价方案',
    'ev.year': '年度',
    'ev.state': '当前状态',
    'ev.state.draft': '草案（尚未公示）',
    'ev.state.notice': '公示中',
    'ev.state.published': '已公布',
    'ev.revision': '第{n}版',
    'ev.period': '公示期 {a} 至 {b}（{d} 天）',
    'ev.notice.from': '公示开始日期',
    'ev.notice.go': '发布公示',
    'ev.notice.confirm': '发布后名单即冻结，公示期内可登记异议。确定发布？',
    'ev.objections': '异议',
    'ev.objections.none': '暂无异议',
    'ev.obj.firm': '企业',
    'ev.obj.filed': '提出日期',
    'ev.obj.ground': '异议理由',
    'ev.obj.add': '登记异议',
    'ev.obj.decision': '处理结论',
    'ev.obj.undecided': '待处理',
    'ev.obj.upheld': '异议成立',
    'ev.obj.rejected': '异议不成立',
    'ev.obj.newclass': '改定等级',
    'ev.obj.note': '处理意见',
    'ev.obj.decide': '提交结论',
    'ev.publish': '正式公布',
    'ev.publish.wait': '公示期满且全部异议处理完毕后才能公布。',
    'ev.revise': '修订已公布名单',
    'ev.revise.reason': '修订原因',
    'ev.revise.go': '提交修订',
    'ev.lists': '历次版本',
    'ev.list.notice': '公示名单',
    'ev.list.published': '公布名单',
    'ev.list.at': '时间',
    'ev.list.reason': '原因',
    'ev.list.author': '经办人',
    'ev.class': '等级',
    'ev.items': '加分、扣分与免评事项',
    'ev.items.note': '事项记入企业当年评价；已公示或已公布的名单不受影响。',
    'ev.item': '事项',
    'ev.item.note': '说明（文号等）',
    'ev.item.add': '登记事项',
    'ev.item.remove': '撤销',
    'ev.item.none': '该企业暂无登记事项',
    'ev.kind.bonus': '加分',
    'ev.kind.penalty': '扣分',
    'ev.kind.exemption': '免评',
    'ev.points': '{p} 分',
    'ev.cap': '最高定为{c}类',
    'ev.done': '已保存',
    'ev.error': '未能完成：{m}',
    'ev.loading': '正在读取……',
    'ev.synthetic': '示例企业与数据为合成数据。',
    'ev.field': '请检查“{f}”一项的填写',
    'ev.field.other': '填写内容',
  },
  en: {
    'ev.title': 'Annual evaluation',
    'ev.intro': 'Draft → public notice (objections accepted) → published. A published list is frozen; a correction is a new revision with its reason, and every revision is kept.',
    'ev.zone': 'Zone',
    'ev.scheme': 'Scheme',
    'ev.year': 'Year',
    'ev.state': 'State',
    'ev.state.draft': 'Draft (not yet on notice)',
    'ev.state.notice': 'On public notice',
    'ev.state.published': 'Published',
    'ev.revision': 'revision {n}',
    'ev.period': 'Notice period {a} to {b} ({d} days)',
    'ev.notice.from': 'Notice starts',
    'ev.notice.go': 'Put on public notice',
    'ev.notice.confirm': 'The list is frozen once on notice, and objections can be recorded during the period. Go ahead?',
    'ev.objections': 'Objections',
    'ev.objections.none': 'No objections',
    'ev.obj.firm': 'Firm',
    'ev.obj.filed': 'Filed on',
    'ev.obj.ground': 'Ground',
    'ev.obj.add': 'Record objection',
    'ev.obj.decision': 'Decision',
    'ev.obj.undecided': 'Undecided',
    'ev.obj.upheld': 'Upheld',
    'ev.obj.rejected': 'Rejected',
    'ev.obj.newclass': 'New class',
    'ev.obj.note': 'Grounds of the decision',
    'ev.obj.decide': 'Decide',
    'ev.publish': 'Publish',
    'ev.publish.wait': 'The list can be published once the notice period is over and every objection is decided.',
    'ev.revise': 'Correct the published list',
    'ev.revise.reason': 'Reason',
    'ev.revise.go': 'Submit revision',
    'ev.lists': 'Revisions',
    'ev.list.notice': 'Notice list',
    'ev.list.published': 'Published list',
    'ev.list.at': 'Time',
    'ev.list.reason': 'Reason',
    'ev.list.author': 'By',
    'ev.class': 'Class',
    'ev.items': 'Bonus, penalty and exemption items',
    'ev.items.note': 'Items count in the firm\'s evaluation of that year; lists already on notice or published are not affected.',
    'ev.item': 'Item',
    'ev.item.note': 'Note (document number etc.)',
    'ev.item.add': 'Record item',
    'ev.item.remove': 'Remove',
    'ev.item.none': 'No items recorded for this firm',
    'ev.kind.bonus': 'Bonus',
    'ev.kind.penalty': 'Penalty',
    'ev.kind.exemption': 'Exemption',
    'ev.points': '{p} points',
    'ev.cap': 'class at best {c}',
    'ev.done': 'Saved',
    'ev.error': 'Not done: {m}',
    'ev.loading': 'Loading…',
    'ev.synthetic': 'Demo firms and figures are synthetic.',
    'ev.field': 'Please check the field “{f}”',
    'ev.field.other': 'input',
  },
});

const t = (k, v) => ZA.t(k, v);
const FIELDS = {
  notice_from: 'ev.notice.from', filed_on: 'ev.obj.filed', ground: 'ev.obj.ground', enterprise: 'ev.obj.firm',
  note: 'ev.obj.note', new_class: 'ev.obj.newclass', reason: 'ev.revise.reason', 'changes.class': 'ev.class',
  'changes.enterprise': 'ev.obj.firm', code: 'ev.item', decision: 'ev.obj.decision',
};
const css = document.createElement('link');
css.rel = 'stylesheet';
css.href = 'css/evaluation.css';
document.head.appendChild(css);
const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const comma = () => (ZA.lang === 'en' ? ', ' : '，');
const colon = () => (ZA.lang === 'en' ? ': ' : '：');
const paren = (x) => (ZA.lang === 'en' ? ` (${x})` : `（${x}）`);
const name = (o, base) => (ZA.lang === 'en' ? o[base + '_en'] : o[base + '_zh']) || o[base + '_zh'] || '';

const state = { meta: null, zone: null, scheme: null, year: null, ev: null, firms: [], itemsFirm: null, items: [], msg: null, error: null };
let root = null;

function officer() {
  return !!(ZA.user && ZA.user.seesConfidential);
}

/** A server refusal in the reader's language: the Chinese description when there is one. */
function refusal(e) {
  const b = e && e.body;
  if (b && ZA.lang !== 'en' && b.description_zh) return b.description_zh;
  // a field the server names: say which, in the reader's words (its own message is English)
  if (b && ZA.lang !== 'en' && b.parameter) return t('ev.field', { f: t(FIELDS[b.parameter.replace(/\[\d+\]/, '')] || 'ev.field.other') });
  return (b && (b.description || b.title)) || e.message || String(e);
}

/** An instant as a reader in China reads it: 2026-12-07 20:53 (北京时间). */
function when(iso) {
  if (!iso) return '';
  const d = new Date(String(iso).replace(' ', 'T'));
  if (isNaN(d)) return String(iso);
  const p = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
    .formatToParts(d).reduce((m, x) => ((m[x.type] = x.value), m), {});
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` + (ZA.lang === 'en' ? ' (Beijing time)' : '（北京时间）');
}

function query() {
  return `zone=${encodeURIComponent(state.zone)}&scheme=${encodeURIComponent(state.scheme)}&year=${state.year}`;
}

async function load() {
  if (!officer()) return;
  try {
    if (!state.meta) {
      state.meta = await ZA.api('/api/efficiency/meta');
      state.zone = state.zone || (state.meta.zones[0] || {}).id;
      state.scheme = state.scheme || state.meta.defaultScheme;
      state.year = state.year || state.meta.latestYear;
    }
    const [ev, classes] = await Promise.all([
      ZA.api('/api/efficiency/evaluation?' + query()),
      ZA.api('/api/efficiency/classes?' + query()),
    ]);
    state.ev = ev;
    state.firms = (classes.enterprises || []).filter((e) => e.class).sort((a, b) => String(a.name_zh).localeCompare(String(b.name_zh), 'zh'));
    state.error = null;
  } catch (e) {
    state.error = refusal(e);
  }
  render();
}

async function loadItems(firm) {
  state.itemsFirm = firm;
  state.items = firm ? await ZA.api('/api/efficiency/items?enterprise=' + encodeURIComponent(firm)).catch(() => []) : [];
  render();
}

async function act(path, body, method) {
  state.msg = null;
  try {
    await ZA.api(path, { method: method || 'POST', body });
    state.msg = { ok: true, text: t('ev.done') };
    await load();
    ZA.efficiency && ZA.efficiency.reload && ZA.efficiency.reload();
  } catch (e) {
    state.msg = { ok: false, text: t('ev.error', { m: refusal(e) }) };
    render();
  }
}

function firmOptions(selected) {
  return state.firms.map((f) => `<option value="${esc(f.id)}" ${f.id === selected ? 'selected' : ''}>${esc(name(f, 'name') + paren(f.class))}</option>`).join('');
}

function classOptions() {
  return (state.ev ? state.ev.classes : []).map((c) => `<option value="${esc(c)}">${esc(c)}</option>`).join('');
}

function schemeObj() {
  return state.meta ? state.meta.schemes.find((s) => s.id === state.scheme) : null;
}

function itemLabel(it) {
  const kind = t('ev.kind.' + it.kind);
  const pts = it.points != null ? comma() + t('ev.points', { p: (it.points > 0 ? '+' : '') + it.points }) : '';
  const cap = it.cap_class ? comma() + t('ev.cap', { c: it.cap_class }) : '';
  return `${kind}${colon()}${name(it, 'name')}${pts}${cap}`;
}

function render() {
  if (!root) return;
  if (!officer()) {
    root.innerHTML = '';
    return;
  }
  if (state.error) {
    root.innerHTML = `<p class="za-error">${esc(state.error)}</p>`;
    return;
  }
  if (!state.meta || !state.ev) {
    root.innerHTML = `<p class="za-muted">${esc(t('ev.loading'))}</p>`;
    return;
  }
  const m = state.meta;
  const ev = state.ev;
  const sel = (k, opts) => `<select data-k="${k}">${opts}</select>`;
  const zones = m.zones.map((z) => `<option value="${esc(z.id)}" ${z.id === state.zone ? 'selected' : ''}>${esc(name(z, 'name'))}</option>`).join('');
  const schemes = m.schemes.map((s) => `<option value="${esc(s.id)}" ${s.id === state.scheme ? 'selected' : ''}>${esc(name(s, 'name'))}</option>`).join('');
  const years = m.years.slice().reverse().map((y) => `<option value="${y}" ${y === state.year ? 'selected' : ''}>${y}</option>`).join('');
  let status = t('ev.state.' + ev.state);
  if (ev.state === 'published' && ev.revision > 1) status += paren(t('ev.revision', { n: ev.revision }));
  const period = ev.notice_from ? `<p>${esc(t('ev.period', { a: ev.notice_from, b: ev.notice_to, d: ev.notice_days }))}</p>` : '';
  let body = '';
  if (ev.state === 'draft') {
    body = `<div class="ev-form"><label>${esc(t('ev.notice.from'))} <input type="date" data-k="from" value="${esc(ev.today)}" min="${esc(ev.today)}"></label>
      <button type="button" data-act="notice">${esc(t('ev.notice.go'))}</button></div>`;
  }
  if (ev.state !== 'draft') {
    const objs = ev.objections || [];
    const rows = objs.map((o) => {
      const decided = o.decision
        ? `${esc(t('ev.obj.' + o.decision))}${o.new_class ? esc(comma() + t('ev.obj.newclass')) + ' ' + esc(o.new_class) : ''}${colon()}${esc(o.decision_note)}`
        : ev.state === 'notice'
          ? `<select data-dec="${o.id}"><option value="rejected">${esc(t('ev.obj.rejected'))}</option><option value="upheld">${esc(t('ev.obj.upheld'))}</option></select>
             <select data-cls="${o.id}" aria-label="${esc(t('ev.obj.newclass'))}">${classOptions()}</select>
             <input data-note="${o.id}" placeholder="${esc(t('ev.obj.note'))}">
             <button type="button" data-decide="${o.id}">${esc(t('ev.obj.decide'))}</button>`
          : esc(t('ev.obj.undecided'));
      return `<tr><td>${esc(name(o, 'enterprise_name'))}</td><td>${esc(o.filed_on)}</td><td>${esc(o.ground)}</td><td>${decided}</td></tr>`;
    }).join('');
    body += `<h4>${esc(t('ev.objections'))}</h4>` + (objs.length
      ? `<table class="ev-table"><thead><tr><th>${esc(t('ev.obj.firm'))}</th><th>${esc(t('ev.obj.filed'))}</th><th>${esc(t('ev.obj.ground'))}</th><th>${esc(t('ev.obj.decision'))}</th></tr></thead><tbody>${rows}</tbody></table>`
      : `<p class="za-muted">${esc(t('ev.objections.none'))}</p>`);
  }
  if (ev.state === 'notice') {
    body += `<div class="ev-form"><label>${esc(t('ev.obj.firm'))} ${sel('objFirm', firmOptions())}</label>
      <label>${esc(t('ev.obj.filed'))} <input type="date" data-k="filed" value="${esc(ev.today)}" min="${esc(ev.notice_from)}" max="${esc(ev.notice_to)}"></label>
      <label>${esc(t('ev.obj.ground'))} <input data-k="ground"></label>
      <button type="button" data-act="object">${esc(t('ev.obj.add'))}</button></div>
      <p>${ev.can_publish ? '' : esc(t('ev.publish.wait'))}</p>
      <button type="button" data-act="publish" ${ev.can_publish ? '' : 'disabled'}>${esc(t('ev.publish'))}</button>`;
  }
  if (ev.state === 'published') {
    body += `<h4>${esc(t('ev.revise'))}</h4><div class="ev-form">
      <label>${esc(t('ev.obj.firm'))} ${sel('revFirm', firmOptions())}</label>
      <label>${esc(t('ev.class'))} <select data-k="revClass">${classOptions()}</select></label>
      <label>${esc(t('ev.revise.reason'))} <input data-k="revReason"></label>
      <button type="button" data-act="revise">${esc(t('ev.revise.go'))}</button></div>`;
  }
  const lists = (ev.lists || []).map((l) => `<tr><td>${esc(l.state === 'notice' ? t('ev.list.notice') : t('ev.list.published') + ' ' + t('ev.revision', { n: l.revision }))}</td>
      <td>${esc(when(l.at))}</td><td>${esc(l.reason || '')}</td><td>${esc(l.author || '')}</td></tr>`).join('');
  const sc = schemeObj();
  const items = sc && sc.evaluation ? sc.evaluation.items : [];
  const itemRows = state.items.map((it) => `<li>${esc(it.year + colon() + itemLabel(it) + (it.note ? paren(it.note) : ''))}
      <button type="button" data-rm="${esc(it.code)}" data-year="${esc(it.year)}">${esc(t('ev.item.remove'))}</button></li>`).join('');
  root.innerHTML = `<div class="ev">
    <h3>${esc(t('ev.title'))}</h3>
    <p class="za-muted">${esc(t('ev.intro'))}</p>
    ${m.synthetic ? `<p class="za-muted">${esc(t('ev.synthetic'))}</p>` : ''}
    <div class="ev-form"><label>${esc(t('ev.zone'))} ${sel('zone', zones)}</label>
      <label>${esc(t('ev.scheme'))} ${sel('scheme', schemes)}</label>
      <label>${esc(t('ev.year'))} ${sel('year', years)}</label></div>
    <p class="ev-state">${esc(t('ev.state') + colon())}<strong data-state="${esc(ev.state)}">${esc(status)}</strong></p>
    ${period}
    ${state.msg ? `<p class="${state.msg.ok ? 'za-ok' : 'za-error'}" role="status">${esc(state.msg.text)}</p>` : ''}
    ${body}
    ${lists ? `<h4>${esc(t('ev.lists'))}</h4><table class="ev-table"><thead><tr><th></th><th>${esc(t('ev.list.at'))}</th><th>${esc(t('ev.list.reason'))}</th><th>${esc(t('ev.list.author'))}</th></tr></thead><tbody>${lists}</tbody></table>` : ''}
    <h4>${esc(t('ev.items'))}</h4>
    <p class="za-muted">${esc(t('ev.items.note'))}</p>
    <div class="ev-form"><label>${esc(t('ev.obj.firm'))} <select data-k="itemFirm"><option value=""></option>${firmOptions(state.itemsFirm)}</select></label>
      <label>${esc(t('ev.item'))} <select data-k="item">${items.map((it) => `<option value="${esc(it.code)}">${esc(itemLabel(it))}</option>`).join('')}</select></label>
      <label>${esc(t('ev.item.note'))} <input data-k="itemNote"></label>
      <button type="button" data-act="item" ${state.itemsFirm ? '' : 'disabled'}>${esc(t('ev.item.add'))}</button></div>
    ${state.itemsFirm ? (itemRows ? `<ul class="ev-items">${itemRows}</ul>` : `<p class="za-muted">${esc(t('ev.item.none'))}</p>`) : ''}
  </div>`;
  wire();
}

function val(k) {
  const el = root.querySelector(`[data-k=${k}]`);
  return el ? el.value : null;
}

function wire() {
  for (const k of ['zone', 'scheme', 'year']) {
    const el = root.querySelector(`[data-k=${k}]`);
    el.addEventListener('change', () => {
      state[k] = k === 'year' ? Number(el.value) : el.value;
      state.msg = null;
      load();
    });
  }
  const on = (act, fn) => {
    const b = root.querySelector(`[data-act=${act}]`);
    if (b) b.addEventListener('click', fn);
  };
  const base = () => ({ zone: state.zone, scheme: state.scheme, year: state.year });
  on('notice', () => {
    if (window.confirm(t('ev.notice.confirm'))) act('/api/efficiency/evaluation/notice', { ...base(), notice_from: val('from') });
  });
  on('object', () => act('/api/efficiency/evaluation/objections', { ...base(), enterprise: val('objFirm'), filed_on: val('filed'), ground: val('ground') }));
  on('publish', () => act('/api/efficiency/evaluation/publish', base()));
  on('revise', () => act('/api/efficiency/evaluation/revisions', { ...base(), reason: val('revReason'), changes: [{ enterprise: val('revFirm'), class: val('revClass') }] }));
  on('item', () => act('/api/efficiency/items', { enterprise: state.itemsFirm, year: state.year, code: val('item'), note: val('itemNote') || null }).then(() => loadItems(state.itemsFirm)));
  root.querySelectorAll('[data-decide]').forEach((b) => b.addEventListener('click', () => {
    const id = b.dataset.decide;
    const decision = root.querySelector(`[data-dec="${id}"]`).value;
    act(`/api/efficiency/evaluation/objections/${id}/decision`, {
      decision,
      new_class: decision === 'upheld' ? root.querySelector(`[data-cls="${id}"]`).value : null,
      note: root.querySelector(`[data-note="${id}"]`).value,
    });
  }));
  const firm = root.querySelector('[data-k=itemFirm]');
  firm.addEventListener('change', () => loadItems(firm.value || null));
  root.querySelectorAll('[data-rm]').forEach((b) => b.addEventListener('click', () =>
    act(`/api/efficiency/items?enterprise=${encodeURIComponent(state.itemsFirm)}&year=${b.dataset.year}&code=${encodeURIComponent(b.dataset.rm)}`, undefined, 'DELETE')
      .then(() => loadItems(state.itemsFirm))));
}

ZA.registerPanel({
  id: PANEL,
  titleZh: '年度评价',
  titleEn: 'Evaluation',
  render(el) {
    root = el;
    root.classList.add('za-evaluation');
    render();
  },
  onLangChange() {
    render();
  },
});

function applyRole() {
  ZA.setPanelVisible(PANEL, officer());
  state.msg = null;
  if (officer()) load();
  else render();
}

applyRole();
ZA.onAuthChange(applyRole);
ZA.ready.then(applyRole);

// for the browser tests
ZA.evaluation = { state, reload: load };
