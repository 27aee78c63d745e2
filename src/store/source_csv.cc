#include "store/source_csv.h"

#include <algorithm>

#include <fmt/format.h>

#include "claims/claim_csv.h"
#include "core/csv.h"
#include "core/utf8.h"

namespace ftf {

bool LooksLikeSourcesCsv(std::string_view text) {
  std::string_view first = text.substr(0, text.find('\n'));
  return first.find("id,") == 0 || (first.find(",kind") != std::string_view::npos &&
                                    first.find("scope") == std::string_view::npos);
}

SourceCsvParse ParseSourcesCsv(std::string_view text, const std::string& name) {
  SourceCsvParse out;
  if (auto bad = FindInvalidUtf8(text)) {
    size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(*bad), '\n'));
    out.errors.push_back(fmt::format("{}:{}: text: invalid UTF-8 at byte offset {}", name, line, *bad));
    return out;
  }
  auto parsed = CsvTable::Parse(text, name);
  if (!parsed.ok()) {
    out.errors.push_back(parsed.status().message());
    return out;
  }
  const CsvTable& t = parsed.value();
  if (!t.Column("id")) out.errors.push_back(fmt::format("{}:1: id: required column is missing", name));
  for (const auto& rec : t.records()) {
    if (rec.fields.size() != t.header().size()) {
      out.errors.push_back(
          fmt::format("{}:{}: row: {} fields, expected {}", name, rec.line, rec.fields.size(), t.header().size()));
      continue;
    }
    Source s;
    s.id = t.Get(rec, "id");
    s.publisher = t.Get(rec, "publisher");
    s.title = t.Get(rec, "title");
    s.authors = t.Get(rec, "authors");
    s.published = t.Get(rec, "published");
    s.url = t.Get(rec, "url");
    s.terms = t.Get(rec, "terms");
    s.notes = t.Get(rec, "notes");
    s.aliases = SplitAliases(t.Get(rec, "aliases"));
    if (s.id.empty()) out.errors.push_back(fmt::format("{}:{}: id: empty", name, rec.line));
    if (!s.published.empty() && !IsIsoDate(s.published))
      out.errors.push_back(fmt::format("{}:{}: published: not a date: '{}'", name, rec.line, s.published));
    if (auto k = ParseSourceKind(t.Get(rec, "kind"))) s.kind = *k;
    else
      out.errors.push_back(fmt::format("{}:{}: kind: unknown source kind '{}'", name, rec.line, t.Get(rec, "kind")));
    out.sources.push_back(std::move(s));
  }
  return out;
}

std::string WriteSourcesCsv(const std::vector<Source>& sources) {
  std::string out = "id,publisher,title,authors,published,url,kind,terms,notes,aliases\n";
  for (const Source& s : sources) {
    std::vector<std::string> f = {s.id,  s.publisher, s.title, s.authors, s.published, s.url,
                                  std::string(Name(s.kind)), s.terms, s.notes, JoinAliases(s.aliases)};
    for (size_t i = 0; i < f.size(); ++i) out += (i ? "," : "") + CsvField(f[i]);
    out += '\n';
  }
  return out;
}

}  // namespace ftf
