// The evidence behind a claim: its sentence with the cue highlighted, or the report page.
import { esc } from './format.js';

// The sentence with the first occurrence of `cue` wrapped in <mark>.
export function highlightCue(sentence, cue) {
  if (!sentence) return '';
  if (!cue) return esc(sentence);
  const i = sentence.indexOf(cue);
  if (i < 0) return esc(sentence);
  return `${esc(sentence.slice(0, i))}<mark>${esc(cue)}</mark>${esc(sentence.slice(i + cue.length))}`;
}

export function evidenceHtml(c) {
  if (c.sentence) return `<q class="evidence">${highlightCue(c.sentence, c.cue)}</q>`;
  const where = [c.page, c.note].filter(Boolean).join(' — ');
  return where ? `<span class="muted">${esc(where)}</span>` : '';
}

// "~1,700", ">5,000", "12–23": a claim's figure as stated.
export function statedFigure(c, fmt) {
  const n = (v) => (v === null || v === undefined ? '?' : fmt(v));
  switch (c.qualifier) {
    case 'exact': return n(c.best ?? c.low);
    case 'approx': return c.best !== null && c.best !== undefined ? '~' + n(c.best) : `${n(c.low)}–${n(c.high)}`;
    case 'at_least': return '≥' + n(c.low);
    case 'more_than': return '>' + n(c.low);
    case 'at_most': return '≤' + n(c.high);
    case 'fewer_than': return '<' + n(c.high);
    default: return c.low === c.high ? n(c.low) : `${n(c.low)}–${n(c.high)}`;
  }
}
