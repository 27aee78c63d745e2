// CorpusRunner: extraction over a JSON Lines corpus (one document a line: {"id", "date",
// "source", "text"}), streaming and multi-threaded, with output in input order.
//
// The reader cuts the input into batches of whole lines (about `batch_bytes` each, read in
// blocks into one buffer per batch, not line by line); `threads`
// workers extract them; the writer emits each batch's output in order. At most 4 × threads
// batches are in flight (and their buffers are recycled), so memory stays bounded whatever the
// corpus size.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "extract/claim_extractor.h"
#include "ftfwatch/status.h"

namespace ftf::extract {

// One parsed line.
struct CorpusDoc {
  std::string id_json;  // the "id" value as JSON text (string or number), "null" if absent
  std::string date, source, text;
};

// Parses one JSONL document line. Fast path for flat objects; falls back to a full parser.
Result<CorpusDoc> ParseCorpusLine(std::string_view line);
// The same into `*doc`, every field overwritten, reusing its strings' buffers (the per-line
// call of RunCorpus). On error `*doc` holds no meaningful document.
Status ParseCorpusLine(std::string_view line, CorpusDoc* doc);

struct CorpusStats {
  int64_t documents = 0, bytes = 0, claims = 0, errors = 0, invalid_utf8 = 0;
};

struct CorpusOptions {
  int threads = 0;                  // 0: all cores
  // About 128 kB of lines per batch: small enough that the last batches, which one worker may
  // finish alone while the others are idle, cost little; large enough that handing a batch
  // over (a lock and a wake-up) is nothing beside extracting it.
  size_t batch_bytes = 1 << 17;
  bool rerank = true;  // ExtractOptions::rerank for every document
  // Called from the writer thread after each batch (progress display); may be empty.
  std::function<void(const CorpusStats&)> progress;
  // Called for each line that could not be parsed (line number from 1, message); the line's
  // output is {"id": null, "error": "..."}.
  std::function<void(int64_t, const std::string&)> on_error;
};

// Reads `in`, writes one line per document to `out`: {"id": …, "claims": [...]}.
Result<CorpusStats> RunCorpus(std::istream& in, std::ostream& out, const ClaimExtractor& extractor,
                              const CorpusOptions& opts);

}  // namespace ftf::extract
