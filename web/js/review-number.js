// The map's 审图号 (map.review.number) on a printed page (site.html): a map published outside needs
// its review number on every copy. Kept as the last line of the card (js/site-card.js redraws the
// card: the line is put back after each redraw) in the page's language.

const card = document.getElementById('card');
const line = document.getElementById('review-number');

function label(n) {
  return document.documentElement.lang === 'en' ? 'Map review no. ' + n : '审图号：' + n;
}

if (card && line) {
  fetch('/api/client-config', { headers: { Accept: 'application/json' } })
    .then((r) => (r.ok ? r.json() : {}))
    .then((c) => {
      const n = c && c.reviewNumber;
      if (!n) return;
      Object.assign(line.style, { fontSize: '11px', color: '#444', textAlign: 'right', margin: '8px 0 0' });
      const place = () => {
        line.textContent = label(n);
        line.hidden = false;
        if (line.parentNode !== card || card.lastElementChild !== line) card.appendChild(line);
      };
      place();
      new MutationObserver(place).observe(card, { childList: true });
      new MutationObserver(place).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    })
    .catch(() => {
      // no number shown: the card itself still prints
    });
}
