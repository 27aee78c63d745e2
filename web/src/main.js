// The dashboard's entry point: a hash router (#/map, #/country/FRA, #/claims?…, #/extract,
// #/conflicts, #/severity, #/sources, #/review). All data comes from the same server's /api.
import { get } from './api.js';
import { esc } from './format.js';
import { renderMap } from './map.js';
import { renderCountry } from './country.js';
import { renderReview } from './review.js';
import { renderClaims, renderConflicts, renderExtract, renderSeverity, renderSources } from './pages.js';
import { setSources } from './table.js';

const app = document.getElementById('app');
let generation = 0;

async function route() {
  const my = ++generation;
  const hash = location.hash.replace(/^#\/?/, '') || 'map';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/');
  document.querySelectorAll('nav a[data-nav]').forEach((a) => a.classList.toggle('active', a.dataset.nav === parts[0]));
  const view = document.createElement('div');
  view.className = 'view';
  document.body.dataset.ready = 'false';
  try {
    switch (parts[0]) {
      case 'country': await renderCountry(view, decodeURIComponent(parts[1] || '').toUpperCase()); break;
      case 'claims': await renderClaims(view, params); break;
      case 'extract': await renderExtract(view); break;
      case 'conflicts': await renderConflicts(view); break;
      case 'severity': await renderSeverity(view); break;
      case 'sources': await renderSources(view); break;
      case 'review': await renderReview(view, params); break;
      default: await renderMap(view, params);
    }
  } catch (e) {
    view.innerHTML = `<p class="error">Could not load this page: ${esc(e.message || e)}</p>`;
  }
  if (my !== generation) return;  // a newer navigation won
  app.replaceChildren(view);
  document.title = `ftfwatch — ${(view.querySelector('h1')?.textContent || 'dashboard').trim()}`;
  document.body.dataset.ready = 'true';
  document.body.dataset.view = parts[0] || 'map';
}

get('sources').then(setSources).catch(() => {}).finally(() => {
  window.addEventListener('hashchange', route);
  route();
});
