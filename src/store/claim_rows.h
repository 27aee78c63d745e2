// The SQL shape of claims and sources, shared by the SQLite and PostgreSQL stores: column
// lists, each record as a row of nullable text values, and the WHERE clause of a ClaimFilter.
// Both databases convert the text of numeric columns by the column's declared type.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ftfwatch/claim.h"
#include "store/store.h"

namespace ftf {

using SqlRow = std::vector<std::optional<std::string>>;  // nullopt = SQL NULL

// "scope, category, …, note" (no id, no fingerprint): the order of ClaimToRow.
extern const char* const kClaimRowColumns;
// kClaimRowColumns plus "fingerprint" last: the order of ClaimToInsertRow.
extern const char* const kClaimInsertColumns;
extern const int kClaimInsertColumnCount;

extern const int kClaimRowColumnCount;  // "id, " + kClaimRowColumns
SqlRow ClaimToInsertRow(const Claim& c);
// Reads a row selected as "id, " + kClaimRowColumns.
Claim ClaimFromRow(const SqlRow& row);

extern const char* const kSourceColumns;  // "id, publisher, …, notes, aliases"
extern const int kSourceColumnCount;
SqlRow SourceToRow(const Source& s);
Source SourceFromRow(const SqlRow& row);

extern const char* const kDocumentColumns;  // "sha256, source_id, date, lang, title, text"
SqlRow DocumentToRow(const Document& d);
Document DocumentFromRow(const SqlRow& row);

extern const char* const kReviewLogColumns;  // "entry_key, at, actor, …, after"
extern const int kReviewLogColumnCount;
SqlRow ReviewLogToRow(const ReviewLogEntry& e);  // entry_key first
// Reads a row selected as "id, " + kReviewLogColumns.
ReviewLogEntry ReviewLogFromRow(const SqlRow& row);

// Placeholders: "?" (SQLite) or "$1, $2 …" (PostgreSQL).
enum class Placeholders { kQuestion, kDollar };

struct FilterSql {
  std::string where;  // "" or " WHERE …"
  std::vector<std::string> params;
};
// `first` is the number of the first $-placeholder (PostgreSQL).
FilterSql BuildClaimFilterSql(const ClaimFilter& f, Placeholders style, int first = 1);

// Import keeps a stored source as it is, except that a source stored without aliases (before
// schema 4, or imported without them) gains the aliases of the batch: this statement, with
// parameters (aliases, id), does it.
std::string FillSourceAliasesSql(Placeholders style);

// "$1, $2, …, $n" or "?, ?, …".
std::string PlaceholderList(int n, Placeholders style, int first = 1);

}  // namespace ftf
