// 查看历史时点: the map as it stood at an earlier moment. A control on the map asks for a date and
// time (Beijing time, whatever the device's time zone: the zone's records are kept in it), and
// ZA.setAsOf(instant) has every layer and the detail card loaded as of then (datetime=); a banner
// says which moment is shown, with a button back to now. Editing is off meanwhile (js/edit.js).
// The instant stays in the shared link (t=), so a colleague opens the same past map.

import { formatTime } from './i18n.js';

const ZA = window.ZA;
const { t } = ZA;

ZA.i18n.add({
  zh: {
    'asof.button': '查看历史时点',
    'asof.title': '查看某一时刻的地图',
    'asof.label': '日期和时间（北京时间）',
    'asof.show': '查看',
    'asof.cancel': '取消',
    'asof.now': '回到现在',
    'asof.banner': '正在查看 {time} 的地图',
    'asof.note': '地图、详情均按当时的数据显示；此时不能编辑。',
    'asof.invalid': '请输入有效的日期和时间',
    'asof.future': '不能晚于现在',
    'asof.loading': '正在加载当时的地图…',
  },
  en: {
    'asof.button': 'Map as of…',
    'asof.title': 'Show the map as it stood at a moment',
    'asof.label': 'Date and time (Beijing time)',
    'asof.show': 'Show',
    'asof.cancel': 'Cancel',
    'asof.now': 'Back to now',
    'asof.banner': 'Showing the map as of {time}',
    'asof.note': 'Map and details show the data as it stood then; editing is off meanwhile.',
    'asof.invalid': 'Enter a valid date and time',
    'asof.future': 'Cannot be later than now',
    'asof.loading': 'Loading the map as it stood then…',
  },
});

const BEIJING_MS = 8 * 3600 * 1000; // UTC+8 all year (no daylight saving since 1991)

/** An instant as Beijing wall-clock time, as everywhere else: "2026-12-07 15:04（北京时间）" (i18n.formatTime). */
export function formatShanghai(iso) {
  return formatTime(iso);
}

/** "2026-12-07T15:04" (what a datetime-local input holds, read as Beijing time) -> "2026-12-07T07:04:00Z", or null. */
export function beijingToInstant(local) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local || '')) return null;
  const ms = Date.parse(local.length === 16 ? local + ':00+08:00' : local + '+08:00');
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

/** The Beijing wall-clock time of an instant, as a datetime-local input wants it. */
export function instantToBeijing(iso) {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms + BEIJING_MS).toISOString().slice(0, 16) : '';
}

const ICON = '<svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true"><circle cx="10" cy="10" r="7.5" fill="none" stroke="currentColor" stroke-width="1.8"/>'
  + '<path d="M10 5.5V10l3 2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>';

const AsOfControl = L.Control.extend({
  onAdd() {
    const el = L.DomUtil.create('div', 'za-asof leaflet-bar');
    el.innerHTML = `<button type="button" class="za-asof-btn">${ICON}<span class="za-asof-text"></span></button>
      <form class="za-asof-form" hidden novalidate>
        <div class="za-asof-head"></div>
        <label><span class="za-asof-label"></span><input type="datetime-local" step="60" name="at" required></label>
        <div class="za-asof-err" role="alert"></div>
        <div class="za-asof-actions">
          <button type="submit" class="btn btn-small btn-primary" data-act="show"></button>
          <button type="button" class="btn btn-small" data-act="now"></button>
          <button type="button" class="btn btn-small" data-act="cancel"></button>
        </div>
        <p class="za-muted za-asof-note"></p>
      </form>`;
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
    return el;
  },
});

const control = new AsOfControl({ position: 'topright' }).addTo(ZA.map);
const box = control.getContainer();
const form = box.querySelector('form');
const input = form.querySelector('input');
const err = form.querySelector('.za-asof-err');

const banner = L.DomUtil.create('div', 'za-asof-banner', ZA.map.getContainer());
banner.hidden = true;
banner.setAttribute('role', 'status');
L.DomEvent.disableClickPropagation(banner);

function relabel() {
  box.querySelector('.za-asof-text').textContent = t('asof.button');
  box.querySelector('.za-asof-btn').title = t('asof.title');
  form.querySelector('.za-asof-head').textContent = t('asof.title');
  form.querySelector('.za-asof-label').textContent = t('asof.label');
  form.querySelector('[data-act=show]').textContent = t('asof.show');
  form.querySelector('[data-act=now]').textContent = t('asof.now');
  form.querySelector('[data-act=cancel]').textContent = t('asof.cancel');
  form.querySelector('.za-asof-note').textContent = t('asof.note');
  update();
}

function update() {
  const at = ZA.asOf;
  box.classList.toggle('active', !!at);
  form.querySelector('[data-act=now]').hidden = !at;
  ZA.map.getContainer().classList.toggle('za-asof-on', !!at);
  if (!at) {
    banner.hidden = true;
    return;
  }
  banner.hidden = false;
  banner.innerHTML = `<span class="za-asof-banner-text"></span> <button type="button" class="btn btn-small" data-act="now"></button>`;
  banner.querySelector('.za-asof-banner-text').textContent = t('asof.banner', { time: formatShanghai(at) });
  const now = banner.querySelector('[data-act=now]');
  now.textContent = t('asof.now');
  now.addEventListener('click', () => go(null));
}

async function go(instant) {
  form.hidden = true;
  if (instant) {
    banner.hidden = false;
    banner.textContent = t('asof.loading');
  }
  try {
    await ZA.setAsOf(instant);
  } finally {
    update();
  }
}

box.querySelector('.za-asof-btn').addEventListener('click', () => {
  form.hidden = !form.hidden;
  if (form.hidden) return;
  err.textContent = '';
  const nowLocal = instantToBeijing(new Date().toISOString());
  input.max = nowLocal;
  input.value = ZA.asOf ? instantToBeijing(ZA.asOf) : nowLocal;
  input.focus();
});
form.querySelector('[data-act=cancel]').addEventListener('click', () => (form.hidden = true));
form.querySelector('[data-act=now]').addEventListener('click', () => go(null));
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const instant = beijingToInstant(input.value);
  if (!instant) {
    err.textContent = t('asof.invalid');
    return;
  }
  if (Date.parse(instant) > Date.now() + 60000) {
    err.textContent = t('asof.future');
    return;
  }
  go(instant);
});

ZA.onAsOfChange(update);
ZA.onLangChange(relabel);
relabel();
ZA.ready.then(update);
