// Tables with CSV and JSON downloads. Every download carries a citation: the first line of
// the CSV ("# Cite as: …") and the "citation" field of the JSON, naming ftfwatch, the view,
// its address, the date retrieved and the publishers of the figures in it.
import { csvField } from './csv.js';
import { esc } from './format.js';

let sourceIndex = new Map();  // source id -> source object (set by main.js)
export function setSources(list) {
  sourceIndex = new Map(list.map((s) => [s.id, s]));
}

export function citation(title, sourceIds = []) {
  const date = new Date().toISOString().slice(0, 10);
  const cited = [...new Set(sourceIds)].filter((id) => sourceIndex.has(id)).sort().map((id) => {
    const s = sourceIndex.get(id);
    return `${s.publisher}, "${s.title}" (${s.published})${s.url ? ' ' + s.url : ''}`;
  });
  let text = `ftfwatch, "${title}", ${location.href}, retrieved ${date}.`;
  if (cited.length) text += ` Figures as published by: ${cited.join('; ')}.`;
  return text;
}

export function toCsv(columns, rows, cite) {
  const lines = [`# Cite as: ${cite.replace(/[\r\n]+/g, ' ')}`, columns.map((c) => csvField(c.key)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(c.raw ? c.raw(r) : r[c.key])).join(','));
  return lines.join('\n') + '\n';
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// columns: [{key, label, html?(row) -> html string, raw?(row) -> value for downloads, num?}]
// options: {title, file, sources(rows) -> source ids, id, rowKey(row) -> data-key of the <tr>}
export function renderTable(container, columns, rows, options) {
  const wrap = document.createElement('section');
  wrap.className = 'table-block';
  if (options.id) wrap.dataset.testid = options.id;
  const bar = document.createElement('div');
  bar.className = 'table-bar';
  bar.innerHTML = `<h3>${esc(options.title)}</h3><span class="muted">${rows.length} rows</span>
    <button type="button" data-dl="csv">CSV</button><button type="button" data-dl="json">JSON</button>`;
  const cite = () => citation(options.title, options.sources ? options.sources(rows) : []);
  bar.querySelector('[data-dl=csv]').onclick = () =>
    download(`${options.file}.csv`, 'text/csv', toCsv(columns, rows, cite()));
  bar.querySelector('[data-dl=json]').onclick = () => {
    const data = rows.map((r) => Object.fromEntries(columns.map((c) => [c.key, c.raw ? c.raw(r) : r[c.key]])));
    download(`${options.file}.json`, 'application/json', JSON.stringify({ citation: cite(), data }, null, 2) + '\n');
  };
  wrap.appendChild(bar);
  const scroller = document.createElement('div');
  scroller.className = 'table-scroll';
  const head = columns.map((c) => `<th class="${c.num ? 'num' : ''}">${esc(c.label ?? c.key)}</th>`).join('');
  const body = rows.map((r) => `<tr${options.rowKey ? ` data-key="${esc(options.rowKey(r))}"` : ''}>${columns.map((c) =>
    `<td class="${c.num ? 'num' : ''}" data-col="${esc(c.key)}">${c.html ? c.html(r) : esc(r[c.key])}</td>`).join('')}</tr>`).join('');
  scroller.innerHTML = `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  wrap.appendChild(scroller);
  container.appendChild(wrap);
  return wrap;
}
