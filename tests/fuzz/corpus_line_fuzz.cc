// Fuzz target: one JSON Lines corpus line (`extract --jsonl`, `ingest --jsonl`). Property:
// no crash; when the line is a JSON object that nlohmann/json reads with string fields, the
// fast parser agrees with it on text, date and source.
#include <nlohmann/json.hpp>

#include "extract/corpus_runner.h"
#include "fuzz_target.h"

FTF_FUZZ_TARGET(corpus_line) {
  auto doc = ftf::extract::ParseCorpusLine(data);
  nlohmann::json j = nlohmann::json::parse(data, nullptr, false);
  if (!doc.ok() || j.is_discarded() || !j.is_object()) return;
  auto field = [&](const char* key) -> std::optional<std::string> {
    auto it = j.find(key);
    if (it == j.end()) return std::string();
    if (!it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  if (auto t = field("text")) FTF_FUZZ_CHECK(*t == doc->text);
  if (auto d = field("date")) FTF_FUZZ_CHECK(*d == doc->date);
  if (auto s = field("source")) FTF_FUZZ_CHECK(*s == doc->source);
}
