// node --test web/test: the Natural Earth join, without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeJoiner } from '../src/geo_join.js';

const countries = [
  { iso3: 'FRA', m49: '250', name: 'France', aliases: ['French Republic'] },
  { iso3: 'NOR', m49: '578', name: 'Norway', aliases: [] },
  { iso3: 'XKX', m49: '', name: 'Kosovo', aliases: ['Republic of Kosovo'] },
  { iso3: 'AFG', m49: '004', name: 'Afghanistan', aliases: [] },
  { iso3: 'CYP', m49: '196', name: 'Cyprus', aliases: [] },
  { iso3: 'SOM', m49: '706', name: 'Somalia', aliases: [] },
];
const join = makeJoiner(countries);

test('numeric ids join through m49, with or without zero padding', () => {
  assert.equal(join('004', 'Afghanistan'), 'AFG');
  assert.equal(join('4', 'Afghanistan'), 'AFG');
  assert.equal(join('250', 'France'), 'FRA');
});
test('France and Norway with -99 or no id join by name', () => {
  assert.equal(join('-99', 'France'), 'FRA');
  assert.equal(join(undefined, 'Norway'), 'NOR');
});
test('Kosovo joins to XKX with no id, -99 or KOS', () => {
  assert.equal(join(undefined, 'Kosovo'), 'XKX');
  assert.equal(join('-99', 'Kosovo'), 'XKX');
  assert.equal(join('KOS', 'Kosovo'), 'XKX');
});
test('Northern Cyprus and Somaliland join to their states', () => {
  assert.equal(join(undefined, 'N. Cyprus'), 'CYP');
  assert.equal(join(undefined, 'Somaliland'), 'SOM');
});
test('unknown shapes join to nothing', () => {
  assert.equal(join(undefined, 'Siachen Glacier'), null);
});
