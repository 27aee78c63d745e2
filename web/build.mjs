// Builds web/dist/ from web/src/: one bundled app.js (with the world map geometry inside),
// index.html, app.css, favicon.svg, and a copy of docs/openapi.yaml. Deterministic: the same
// sources and lock file give the same bytes. Run with `npm ci && npm run build`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { geoCentroid } from 'd3-geo';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const require = (p) => JSON.parse(readFileSync(join(here, 'node_modules', p), 'utf8'));

// Countries too small for the 1:110m map (Bahrain, Maldives, Malta, Singapore …) are drawn as
// dots at their centroid, taken from the 1:50m map.
function smallCountries() {
  const t110 = require('world-atlas/countries-110m.json');
  const t50 = require('world-atlas/countries-50m.json');
  const have = new Set(t110.objects.countries.geometries.map((g) => g.id ?? g.properties.name));
  const out = [];
  for (const f of feature(t50, t50.objects.countries).features) {
    const key = f.id ?? f.properties.name;
    if (have.has(key)) continue;
    const [lon, lat] = geoCentroid(f);
    out.push({ id: f.id ?? null, name: f.properties.name, lon: +lon.toFixed(2), lat: +lat.toFixed(2) });
  }
  out.sort((a, b) => a.name.localeCompare(b.name));
  return out;
}

const virtualSmall = {
  name: 'small-countries',
  setup(b) {
    b.onResolve({ filter: /^virtual:small-countries$/ }, (a) => ({ path: a.path, namespace: 'virtual' }));
    b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({
      contents: JSON.stringify(smallCountries()),
      loader: 'json',
    }));
  },
};

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: [join(here, 'src/main.js')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outfile: join(dist, 'app.js'),
  legalComments: 'eof',
  plugins: [virtualSmall],
  logLevel: 'warning',
});
for (const f of ['index.html', 'app.css', 'favicon.svg']) copyFileSync(join(here, 'src', f), join(dist, f));
copyFileSync(join(here, '..', 'docs', 'openapi.yaml'), join(dist, 'openapi.yaml'));
writeFileSync(join(dist, 'BUILD.txt'),
  'Built by web/build.mjs from web/src (npm ci && npm run build). Do not edit.\n' +
  'Map: world-atlas 2.0.2 (Natural Earth 1:110m, public domain); d3-geo, topojson-client (ISC).\n');
console.log('web/dist built');
