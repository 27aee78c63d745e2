// Joining Natural Earth shapes (world-atlas: ids are ISO 3166 numeric / UN M49 codes) to
// ftfwatch's ISO3 scopes, through the gazetteer's m49 column (/api/countries).
//
// Natural Earth quirks handled here:
// - France and Norway carry ISO_A3 = -99 in several Natural Earth releases (overseas parts,
//   Svalbard); world-atlas 2 gives them 250 and 578, but an id of "-99" or none falls back to
//   the name, so either release joins.
// - Kosovo has no ISO 3166 or M49 code: Natural Earth writes "KOS" or -99, world-atlas no id.
//   It is joined by name to XKX, the code ftfwatch (and the EU, IMF, World Bank) use.
// - Northern Cyprus and Somaliland have no code of their own; they are drawn as part of
//   Cyprus (CYP) and Somalia (SOM), the states they belong to under international law.
const BY_NAME = {
  kosovo: 'XKX',
  france: 'FRA',
  norway: 'NOR',
  'n. cyprus': 'CYP',
  'northern cyprus': 'CYP',
  somaliland: 'SOM',
};

// `countries`: the /api/countries array. Returns f(id, name) -> ISO3 or null.
export function makeJoiner(countries) {
  const byM49 = new Map();
  const byName = new Map();
  for (const c of countries) {
    if (c.m49) byM49.set(String(c.m49).padStart(3, '0'), c.iso3);
    byName.set(c.name.toLowerCase(), c.iso3);
    for (const a of c.aliases || []) byName.set(a.toLowerCase(), c.iso3);
  }
  return (id, name) => {
    const key = id === undefined || id === null ? '' : String(id);
    if (key && key !== '-99' && /^\d+$/.test(key)) {
      const iso3 = byM49.get(key.padStart(3, '0'));
      if (iso3) return iso3;
    }
    if (/^[A-Z]{3}$/.test(key) && key !== 'KOS') return key;  // releases that carry ISO_A3
    const n = String(name || '').toLowerCase();
    return BY_NAME[n] || byName.get(n) || null;
  };
}
