// Fuzz target: importing a JSON export (ParseImportFile + Store::Import into an in-memory
// SQLite store). Properties: no crash or exception; a file that is accepted imports, and its
// export, imported into a second empty store, exports the same bytes (the documented
// canonical order).
#include <memory>

#include "fuzz_target.h"
#include "store/export.h"
#include "store/sqlite_store.h"

namespace {
std::unique_ptr<ftf::SqliteStore> EmptyStore() {
  auto s = ftf::SqliteStore::Open(":memory:", false, nullptr);
  FTF_FUZZ_CHECK(s.ok());
  return std::move(s).value();
}
}  // namespace

FTF_FUZZ_TARGET(export_json) {
  // Only the JSON branch: the CSV readers have their own targets.
  if (ftf::DetectImportKind(data) != ftf::ImportKind::kExportJson) return;
  static const std::unique_ptr<ftf::SqliteStore> empty = EmptyStore();
  ftf::ImportParse p = ftf::ParseImportFile(data, "fuzz.json", *empty, 5);
  for (const std::string& e : p.errors) FTF_FUZZ_CHECK(e.rfind("fuzz.json", 0) == 0);
  if (p.error_count > 0) return;
  auto first = EmptyStore();
  if (!first->Import(p.batch).ok()) return;  // e.g. a document naming an unknown source
  auto exported = ftf::ExportJson(*first);
  FTF_FUZZ_CHECK(exported.ok());
  auto second = EmptyStore();
  ftf::ImportParse again = ftf::ParseImportFile(exported.value(), "exported.json", *second, 5);
  FTF_FUZZ_CHECK(again.error_count == 0);
  FTF_FUZZ_CHECK(second->Import(again.batch).ok());
  auto reexported = ftf::ExportJson(*second);
  FTF_FUZZ_CHECK(reexported.ok() && reexported.value() == exported.value());
}
