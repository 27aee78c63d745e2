// node --test web/test: the dashboard's CSV cells match ftfwatch's writer (src/core/csv_test.cc).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField } from '../src/csv.js';

test('cells a spreadsheet would run get an apostrophe, then RFC 4180 quoting', () => {
  assert.equal(csvField('=HYPERLINK("http://x","x")'), `"'=HYPERLINK(""http://x"",""x"")"`);
  assert.equal(csvField('+cmd'), "'+cmd");
  assert.equal(csvField('-2+3'), "'-2+3");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('\tx'), "'\tx");
  assert.equal(csvField("'=x"), "''=x");
});

test('numbers, plain text and other apostrophes are unchanged', () => {
  assert.equal(csvField(-3), '-3');
  assert.equal(csvField('+0.5'), '+0.5');
  assert.equal(csvField('-1e-05'), '-1e-05');
  assert.equal(csvField("'some 425'"), "'some 425'");
  assert.equal(csvField('a=b'), 'a=b');
  assert.equal(csvField(null), '');
  assert.equal(csvField('x, y'), '"x, y"');
});
