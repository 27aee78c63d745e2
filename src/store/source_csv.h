// The sources CSV format (data/baseline/sources.csv; `ftfwatch import` accepts it too):
//   id,publisher,title,authors,published,url,kind,terms,notes[,aliases]
// kind: government, intergovernmental, think_tank, academic, news or unspecified.
// aliases (optional column): other names of the publisher, "; "-separated ("Soufan Group; TSG").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace ftf {

struct SourceCsvParse {
  std::vector<Source> sources;
  std::vector<std::string> errors;  // "FILE:LINE: field: message"
};

SourceCsvParse ParseSourcesCsv(std::string_view text, const std::string& name);
std::string WriteSourcesCsv(const std::vector<Source>& sources);

// True when a CSV header row names the sources format (it has "id" and "kind" columns).
bool LooksLikeSourcesCsv(std::string_view text);

}  // namespace ftf
