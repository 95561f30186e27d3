// The search box: names in Chinese, English or pinyin (GET /api/search), results as a list to
// pick from with the mouse, a finger or the arrow keys.

import { add, getLang, pick, t, value } from './i18n.js';
import { escapeHtml } from './layers.js';
import { landUseColor, landUseName } from './styles.js';

add({
  zh: { 'search.building': '索引建立中，请稍候…' },
  en: { 'search.building': 'Building the search index, one moment…' },
});

export function initSearch({ input, list, api, onPick }) {
  let ctrl = null;
  let timer = null;
  let hits = [];
  let active = -1;
  let shownFor = null; // the query the listed hits answer

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  }

  function render() {
    if (!hits.length) {
      list.innerHTML = `<li class="search-none">${escapeHtml(t('search.none'))}</li>`;
    } else {
      list.innerHTML = hits.map((h, i) => {
        const name = h.collection === 'parcels' ? h.id : pick(h.name_zh, h.name_en);
        const other = h.collection === 'parcels' ? landUseName(h.kind, h.name_zh, getLang()) : pick(h.name_en, h.name_zh) === name ? '' : pick(h.name_en, h.name_zh);
        const meta = [t('coll.' + h.collection)];
        if (h.kind && h.collection !== 'parcels') meta.push(value('kind', h.kind));
        if (h.zone) meta.push(value('zone', h.zone));
        if (h.match && ['pinyin', 'id', 'uscc', 'name_en'].includes(h.match)) meta.push(t('search.match.' + h.match));
        const dot = h.collection === 'parcels' ? `<span class="swatch" style="background:${landUseColor(h.kind)}"></span>` : '';
        return `<li role="option" data-i="${i}" class="${i === active ? 'active' : ''}" aria-selected="${i === active}">
          <div class="search-name">${dot}${escapeHtml(name)}</div>
          ${other ? `<div class="search-other">${escapeHtml(other)}</div>` : ''}
          <div class="search-meta">${escapeHtml(meta.join(' · '))}</div></li>`;
      }).join('');
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  async function run() {
    const q = input.value.trim();
    if (ctrl) ctrl.abort();
    if (!q) {
      hits = [];
      shownFor = null;
      close();
      return;
    }
    ctrl = new AbortController();
    try {
      const r = await api('/api/search?q=' + encodeURIComponent(q) + '&limit=12', { signal: ctrl.signal });
      hits = r.results;
      shownFor = q;
      active = hits.length ? 0 : -1;
      render();
    } catch (e) {
      if (e.name === 'AbortError') return;
      if (e.status === 503 && e.body && e.body.index === 'building') {
        // the server has just started: say so, and ask again by itself (not "nothing found")
        hits = [];
        shownFor = null;
        list.innerHTML = `<li class="search-none search-building" role="status">${escapeHtml(t('search.building'))}</li>`;
        list.hidden = false;
        clearTimeout(timer);
        timer = setTimeout(run, 1000);
        return;
      }
      list.innerHTML = `<li class="search-none">${escapeHtml(t('search.error') + ': ' + e.message)}</li>`;
      list.hidden = false;
    }
  }

  function choose(i) {
    const h = hits[i];
    if (!h) return;
    close();
    input.blur();
    onPick(h);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 180);
  });
  input.addEventListener('focus', () => {
    if (hits.length && input.value.trim()) render();
  });
  input.addEventListener('keydown', async (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      // Enter right after typing: answer the whole query, not the list of a part of it
      if (list.hidden || !hits.length || shownFor !== input.value.trim()) await run();
      choose(active < 0 ? 0 : active);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  // pointerdown, not click: it comes before the input's blur closes the list
  list.addEventListener('pointerdown', (e) => {
    const li = e.target.closest('li[data-i]');
    if (!li) return;
    e.preventDefault();
    choose(Number(li.dataset.i));
  });
  document.addEventListener('pointerdown', (e) => {
    if (!e.target.closest('#search')) close();
  });

  return {
    relabel() {
      input.placeholder = t(window.matchMedia('(max-width: 700px)').matches ? 'search.placeholder.short' : 'search.placeholder');
      if (!list.hidden && hits.length) render();
    },
  };
}
