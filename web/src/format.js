// Numbers and figures as the CLI shows them (report/ledger_view.cc CompactFigure).
const nf = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export const fmt = (v) => (v === null || v === undefined || Number.isNaN(v) ? '' : nf.format(v));
export const pct = (v) => (v === null || v === undefined || !Number.isFinite(v) ? '' : `${(100 * v).toFixed(1)}%`);

// "~5,000", ">40,000", "300–350": a ledger entry's figure with its qualifier.
export function compactFigure(e) {
  const n = (v) => (v === null || v === undefined ? '?' : fmt(v));
  let s;
  switch (e.qualifier) {
    case 'exact': s = n(e.best ?? e.low); break;
    case 'approx': s = e.best !== null && e.best !== undefined ? '~' + n(e.best) : `${n(e.low)}–${n(e.high)}`; break;
    case 'at_least': s = '≥' + n(e.low); break;
    case 'more_than': s = '>' + n(e.low); break;
    case 'at_most': s = '≤' + n(e.high); break;
    case 'fewer_than': s = '<' + n(e.high); break;
    case 'range':
    case 'vague': s = e.low === e.high ? n(e.low) : `${n(e.low)}–${n(e.high)}`; break;
    default: {
      // A fused estimate: the stated figure. A key no source states has no interval, only bounds.
      const iv = e.interval || {};
      if (e.stated === false) s = 'no stated figure';
      else if (iv.high === null || iv.high === undefined) s = '≥' + n(iv.low);
      else if (e.best !== null && e.best !== undefined) s = n(e.best);
      else s = iv.low === iv.high ? n(iv.low) : `${n(iv.low)}–${n(iv.high)}`;
    }
  }
  if (e.unit === 'share') s += ' (share)';
  return s;
}

// One number to colour a map by: the best figure, else the lower end of the interval (what the
// sources allow for certain). Not the middle: an upper end that comes only from a regional
// total (Australia: 250 – 23,427) would paint a country by a number no source stated.
export function pointValue(e) {
  if (!e) return null;
  if (e.best !== null && e.best !== undefined) return e.best;
  if (e.low !== null && e.low !== undefined) return e.low;
  if (e.high !== null && e.high !== undefined) return e.high;
  return e.interval ? e.interval.low : null;
}

// "[40 – 60]" or "[≥ 5,600]": the interval a figure allows.
export function intervalText(iv) {
  if (!iv) return '';
  if (iv.high === null || iv.high === undefined) return `${iv.low_strict ? '>' : '≥'} ${fmt(iv.low)}`;
  if (iv.low === iv.high) return fmt(iv.low);
  return `${fmt(iv.low)} – ${fmt(iv.high)}`;
}

export const CATEGORY_LABEL = {
  departed: 'Departed', returned: 'Returned', killed: 'Killed', detained: 'Detained',
  in_theater: 'In theatre', relocated: 'Relocated', convicted: 'Convicted', affiliated: 'Affiliated',
};
export const SUBGROUP_LABEL = { all: 'all', men: 'men', women: 'women', minors: 'minors' };

export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
