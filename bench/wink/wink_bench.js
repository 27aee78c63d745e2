// wink-nlp baseline for bench/extract_bench.sh: reads the same JSONL corpus as
// `ftfwatch extract --jsonl`, runs wink-nlp's pipeline on each document's text (sentences,
// tokens, entities such as numbers, dates and ordinals) and counts number entities, so the
// work is comparable: find every figure in English text. Prints bytes, seconds and MB/s.
'use strict';
const fs = require('fs');
const readline = require('readline');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

const nlp = winkNLP(model);
const its = nlp.its;

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node wink_bench.js CORPUS.jsonl');
    process.exit(2);
  }
  const start = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let bytes = 0, docs = 0, numbers = 0, sentences = 0;
  for await (const line of rl) {
    bytes += Buffer.byteLength(line) + 1;
    if (!line) continue;
    const text = JSON.parse(line).text || '';
    const doc = nlp.readDoc(text);
    sentences += doc.sentences().length();
    doc.entities().each((e) => {
      const t = e.out(its.type);
      if (t === 'CARDINAL' || t === 'MONEY' || t === 'PERCENT' || t === 'DATE') numbers += 1;
    });
    docs += 1;
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  console.log(JSON.stringify({ bytes, docs, sentences, numbers, seconds: secs, cpu_seconds: cpuSecs,
                               mb_per_cpu_s: bytes / 1e6 / cpuSecs, mb_per_s: bytes / 1e6 / secs }));
}

main();
