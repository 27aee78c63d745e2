// The PostgreSQL module (libftfwatch_pg.so, pg_module.h): PgStore and the WAL-position
// connection, loaded at run time by pg_module.cc. It links libpqxx; the rest (claim rows,
// Status, the Store interface) it takes from the executable that loads it.
#include "store/pg_store.h"

#include <pqxx/pqxx>

#include <algorithm>

#include <fmt/format.h>

#include "store/claim_rows.h"
#include "store/pg_module.h"

namespace ftf {
namespace {

const char* const kPgMigrations[] = {
    // 0 -> 1: the initial schema (the same tables as SQLite's, in PostgreSQL types).
    R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
  id TEXT PRIMARY KEY, publisher TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
  authors TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL, terms TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '');
CREATE TABLE documents (
  sha256 TEXT PRIMARY KEY, source_id TEXT NOT NULL REFERENCES sources(id), date TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT 'en', title TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,
  stored_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE claims (
  id BIGSERIAL PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL, category TEXT NOT NULL, subgroup TEXT NOT NULL, unit TEXT NOT NULL,
  low DOUBLE PRECISION, best DOUBLE PRECISION, high DOUBLE PRECISION, qualifier TEXT NOT NULL,
  as_of TEXT NOT NULL DEFAULT '', source_id TEXT NOT NULL REFERENCES sources(id), attributed_to TEXT,
  origin TEXT NOT NULL, document_sha256 TEXT REFERENCES documents(sha256), span_start BIGINT, span_end BIGINT,
  cue TEXT NOT NULL DEFAULT '', sentence TEXT NOT NULL DEFAULT '', page TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  CHECK (low IS NULL OR high IS NULL OR low <= high));
CREATE INDEX claims_by_key ON claims (scope, category, subgroup, unit);
CREATE INDEX claims_by_document ON claims (document_sha256);
)sql",
    // 1 -> 2: review status on claims and the audit log (as SQLite's migration 2).
    R"sql(
ALTER TABLE claims ADD COLUMN review TEXT NOT NULL DEFAULT 'accepted';
ALTER TABLE claims ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN rule TEXT NOT NULL DEFAULT '';
UPDATE claims SET review = 'pending' WHERE origin LIKE 'extractor/%';
CREATE INDEX claims_by_review ON claims (review);
CREATE TABLE review_log (
  id BIGSERIAL PRIMARY KEY, entry_key TEXT NOT NULL UNIQUE, at TEXT NOT NULL, actor TEXT NOT NULL,
  action TEXT NOT NULL, claim_fingerprint TEXT NOT NULL, document_sha256 TEXT NOT NULL DEFAULT '',
  cue TEXT NOT NULL DEFAULT '', sentence TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',
  before TEXT NOT NULL, after TEXT NOT NULL);
)sql",
    // 2 -> 3: a claim's role in its publication (as SQLite's migration 3).
    R"sql(
ALTER TABLE claims ADD COLUMN role TEXT NOT NULL DEFAULT '';
)sql",
    // 3 -> 4: a source's aliases (as SQLite's migration 4).
    R"sql(
ALTER TABLE sources ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
)sql",
};
static_assert(sizeof(kPgMigrations) / sizeof(kPgMigrations[0]) == kPgSchemaVersion);

// Text of a field, with float8 columns in the shortest form that reads back exactly
// (PostgreSQL 12+ sends float8 that way already).
SqlRow ReadRow(const pqxx::row& r) {
  SqlRow row(r.size());
  for (pqxx::row::size_type i = 0; i < r.size(); ++i)
    if (!r[i].is_null()) row[i] = r[i].c_str();
  return row;
}

// Parameters for exec_params: nullptr for SQL NULL; the strings live in `row`.
std::vector<const char*> Params(const SqlRow& row) {
  std::vector<const char*> p;
  p.reserve(row.size());
  for (const auto& v : row) p.push_back(v ? v->c_str() : nullptr);
  return p;
}

// Rows are written in multi-row INSERTs of up to this many rows: one round trip and one parse
// per statement rather than per row (an ftfwatch-dask chunk holds thousands of claims).
// PostgreSQL allows 65,535 parameters a statement; 500 rows of 20 columns use 10,000.
constexpr size_t kRowsPerInsert = 500;

// INSERT INTO table (columns) VALUES (…), (…) … ON CONFLICT conflict DO NOTHING, in statements of
// kRowsPerInsert rows. Returns the rows added (the others were stored already). `first_of_failed`,
// when given, is set to the index of the first row of each statement before it runs.
template <typename T, typename ToRow>
int64_t InsertRows(pqxx::work& tx, const char* table, const char* columns, int ncolumns, const char* conflict,
                   const std::vector<T>& items, ToRow to_row, size_t* first_of_failed = nullptr) {
  int64_t added = 0;
  for (size_t start = 0; start < items.size(); start += kRowsPerInsert) {
    const size_t n = std::min(kRowsPerInsert, items.size() - start);
    if (first_of_failed) *first_of_failed = start;
    std::string sql = fmt::format("INSERT INTO {} ({}) VALUES ", table, columns);
    std::vector<SqlRow> rows;
    rows.reserve(n);
    std::vector<const char*> params;
    params.reserve(n * static_cast<size_t>(ncolumns));
    for (size_t k = 0; k < n; ++k) {
      rows.push_back(to_row(items[start + k]));
      if (k) sql += ", ";
      sql += "(" + PlaceholderList(ncolumns, Placeholders::kDollar, static_cast<int>(k) * ncolumns + 1) + ")";
      for (const auto& v : rows.back()) params.push_back(v ? v->c_str() : nullptr);
    }
    sql += fmt::format(" ON CONFLICT {} DO NOTHING", conflict);
    added += tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params)).affected_rows();
  }
  return added;
}

class PgStore final : public Store {
 public:
  explicit PgStore(std::string uri) : uri_(std::move(uri)), conn_(uri_) {}

  Status Migrate(bool* created) {
    try {
      pqxx::work tx(conn_);
      tx.exec0("CREATE TABLE IF NOT EXISTS ftfwatch_schema (version INTEGER NOT NULL)");
      pqxx::result r = tx.exec("SELECT version FROM ftfwatch_schema");
      int version = r.empty() ? 0 : r[0][0].as<int>();
      if (version > kPgSchemaVersion)
        return Status::FailedPrecondition(fmt::format(
            "{}: database schema version {} is newer than this ftfwatch understands ({}); upgrade ftfwatch",
            Location(), version, kPgSchemaVersion));
      if (created) *created = version == 0;
      for (int v = version; v < kPgSchemaVersion; ++v) tx.exec0(kPgMigrations[v]);
      if (r.empty()) tx.exec_params0("INSERT INTO ftfwatch_schema (version) VALUES ($1)", kPgSchemaVersion);
      else tx.exec_params0("UPDATE ftfwatch_schema SET version = $1", kPgSchemaVersion);
      tx.commit();
      return Status::OK();
    } catch (const std::exception& e) {
      return Status::IOError(fmt::format("{}: migration failed: {}", Location(), e.what()));
    }
  }

  int SchemaVersion() const override { return kPgSchemaVersion; }

  // The URI without any password.
  std::string Location() const override {
    std::string s = uri_;
    size_t at = s.find('@'), colon = s.find(':', s.find("//") + 2);
    if (at != std::string::npos && colon != std::string::npos && colon < at) s.erase(colon, at - colon);
    return s;
  }

  Result<ImportStats> Import(const ImportBatch& batch) override {
    ImportStats stats;
    size_t i = 0;
    try {
      pqxx::work tx(conn_);
      stats.sources_added = InsertRows(tx, "sources", kSourceColumns, kSourceColumnCount, "", batch.sources, SourceToRow);
      for (const Source& src : batch.sources)
        if (!src.aliases.empty()) tx.exec_params0(FillSourceAliasesSql(Placeholders::kDollar), JoinAliases(src.aliases), src.id);
      stats.documents_added = InsertRows(tx, "documents", kDocumentColumns, 6, "", batch.documents, DocumentToRow);
      stats.claims_added = InsertRows(tx, "claims", kClaimInsertColumns, kClaimInsertColumnCount, "(fingerprint)",
                                      batch.claims, ClaimToInsertRow, &i);
      stats.claims_skipped = static_cast<int64_t>(batch.claims.size()) - stats.claims_added;
      InsertRows(tx, "review_log", kReviewLogColumns, kReviewLogColumnCount, "(entry_key)", batch.review_log,
                 ReviewLogToRow);
      tx.commit();
    } catch (const pqxx::foreign_key_violation& e) {
      // The statement that failed held claims [i, i + kRowsPerInsert); the server names the
      // missing key ("Key (source_id)=(voa) is not present …"): report the first claim with it.
      const Claim* c = nullptr;
      const std::string what = e.what();
      for (size_t k = i; k < batch.claims.size() && k < i + kRowsPerInsert && !c; ++k)
        if (what.find("=(" + batch.claims[k].source_id + ")") != std::string::npos ||
            (!batch.claims[k].document_sha256.empty() &&
             what.find("=(" + batch.claims[k].document_sha256 + ")") != std::string::npos)) {
          c = &batch.claims[k];
          i = k;
        }
      return Status::InvalidArgument(c ? fmt::format("claim {} ({} {}): unknown source '{}' or document '{}'", i + 1,
                                                     c->scope, Name(c->category), c->source_id, c->document_sha256)
                                       : fmt::format("unknown source: {}", what));
    } catch (const pqxx::broken_connection& e) {
      // The server restarted or went away (between connecting and writing, or mid-write):
      // nothing of the batch is stored, and trying again later is the cure.
      return Status::IOError(fmt::format("{}: import failed: lost the connection to the server, nothing stored ({})",
                                         Location(), e.what()));
    } catch (const std::exception& e) {
      return Status::IOError(fmt::format("{}: import failed: {}", Location(), e.what()));
    }
    return stats;
  }

  Result<std::vector<Source>> ListSources() const override {
    return Query<Source>(fmt::format("SELECT {} FROM sources ORDER BY id COLLATE \"C\"", kSourceColumns), {},
                         SourceFromRow);
  }

  Result<std::optional<Source>> FindSource(const std::string& id) const override {
    FTF_ASSIGN_OR_RETURN(auto v, Query<Source>(fmt::format("SELECT {} FROM sources WHERE id = $1", kSourceColumns),
                                               {id}, SourceFromRow));
    if (v.empty()) return std::optional<Source>();
    return std::optional<Source>(std::move(v.front()));
  }

  Result<std::vector<Claim>> ListClaims(const ClaimFilter& filter) const override {
    FilterSql f = BuildClaimFilterSql(filter, Placeholders::kDollar);
    return Query<Claim>(ListClaimsSql(filter, f), f.params, ClaimFromRow);
  }

  Result<int64_t> CountClaims(const ClaimFilter& filter) const override {
    FilterSql f = BuildClaimFilterSql(filter, Placeholders::kDollar);
    FTF_ASSIGN_OR_RETURN(auto v, Query<int64_t>("SELECT count(*) FROM claims" + f.where, f.params,
                                                [](const SqlRow& r) { return std::stoll(*r[0]); }));
    return v.front();
  }

  Result<std::vector<Document>> ListDocuments() const override {
    return Query<Document>(
        fmt::format("SELECT {} FROM documents ORDER BY date COLLATE \"C\", sha256 COLLATE \"C\"", kDocumentColumns), {},
        DocumentFromRow);
  }

  Result<std::optional<Document>> FindDocument(const std::string& sha256) const override {
    FTF_ASSIGN_OR_RETURN(auto v, Query<Document>(fmt::format("SELECT {} FROM documents WHERE sha256 = $1",
                                                             kDocumentColumns),
                                                 {sha256}, DocumentFromRow));
    if (v.empty()) return std::optional<Document>();
    return std::optional<Document>(std::move(v.front()));
  }

  Result<ReviewStats> ApplyReview(const std::vector<ReviewDecision>& decisions, const std::string& actor,
                                  const std::string& at) override {
    const std::string when = at.empty() ? UtcNow() : at;
    ReviewStats stats;
    try {
      pqxx::work tx(conn_);
      for (const ReviewDecision& d : decisions) {
        ClaimFilter f;
        f.ids = {d.claim_id};
        std::vector<Claim> found = ClaimsIn(tx, f);
        if (found.empty()) return Status::NotFound(fmt::format("claim {}: no such claim", d.claim_id));
        auto step = PlanReview(found.front(), d, actor, when);
        if (!step.ok()) return step.status();  // the work is rolled back when it goes out of scope
        if (step->correction) {
          if (!InsertClaim(tx, *step->correction))
            return Status::AlreadyExists(
                fmt::format("claim {}: correction: the corrected figure is already stored", d.claim_id));
          ++stats.corrections_added;
        }
        tx.exec_params0("UPDATE claims SET review = $1, review_note = $2 WHERE id = $3",
                        std::string(Name(step->status)), step->review_note, d.claim_id);
        SqlRow row = ReviewLogToRow(step->log);
        tx.exec_params(fmt::format("INSERT INTO review_log ({}) VALUES ({}) ON CONFLICT (entry_key) DO NOTHING",
                                   kReviewLogColumns, PlaceholderList(kReviewLogColumnCount, Placeholders::kDollar)),
                       pqxx::prepare::make_dynamic_params(Params(row)));
        ++stats.decided;
      }
      tx.commit();
    } catch (const std::exception& e) {
      return Status::IOError(fmt::format("{}: review failed: {}", Location(), e.what()));
    }
    return stats;
  }

  Result<std::vector<ReviewLogEntry>> ListReviewLog() const override {
    return Query<ReviewLogEntry>(
        fmt::format("SELECT id, {} FROM review_log ORDER BY at COLLATE \"C\", id", kReviewLogColumns), {},
        ReviewLogFromRow);
  }

  Result<ReextractStats> ReplaceExtractorClaims(const std::string& document_sha256, std::vector<Claim> fresh) override {
    ReextractStats stats;
    try {
      pqxx::work tx(conn_);
      if (tx.exec_params("SELECT 1 FROM documents WHERE sha256 = $1", document_sha256).empty())
        return Status::NotFound(fmt::format("document {}: not stored", document_sha256));
      ClaimFilter f;
      f.document_sha256 = document_sha256;
      std::vector<Claim> old;
      for (Claim& c : ClaimsIn(tx, f))
        if (IsExtractorOrigin(c.origin)) old.push_back(std::move(c));
      stats.decisions_kept = CarryDecisions(old, fresh);
      for (const Claim& c : old) {
        tx.exec_params0("DELETE FROM claims WHERE id = $1", c.id);
        ++stats.claims_removed;
      }
      for (const Claim& c : fresh)
        if (InsertClaim(tx, c)) ++stats.claims_added;
      tx.commit();
    } catch (const std::exception& e) {
      return Status::IOError(fmt::format("{}: reextract failed: {}", Location(), e.what()));
    }
    return stats;
  }

 private:
  static std::string ListClaimsSql(const ClaimFilter& filter, const FilterSql& f) {
    std::string sql = fmt::format(
        "SELECT id, {} FROM claims{} ORDER BY scope COLLATE \"C\", category COLLATE \"C\", subgroup COLLATE \"C\", "
        "unit COLLATE \"C\", as_of COLLATE \"C\", source_id COLLATE \"C\", id",
        kClaimRowColumns, f.where);
    if (filter.limit >= 0) sql += fmt::format(" LIMIT {} OFFSET {}", filter.limit, filter.offset);
    return sql;
  }

  // Claims inside an open transaction (a second transaction on the connection is not allowed).
  static std::vector<Claim> ClaimsIn(pqxx::work& tx, const ClaimFilter& filter) {
    FilterSql f = BuildClaimFilterSql(filter, Placeholders::kDollar);
    pqxx::result r = tx.exec_params(ListClaimsSql(filter, f), pqxx::prepare::make_dynamic_params(f.params));
    std::vector<Claim> out;
    for (const auto& row : r) out.push_back(ClaimFromRow(ReadRow(row)));
    return out;
  }

  // True when stored; false when a claim with its fingerprint already is.
  static bool InsertClaim(pqxx::work& tx, const Claim& c) {
    SqlRow row = ClaimToInsertRow(c);
    return tx.exec_params(fmt::format("INSERT INTO claims ({}) VALUES ({}) ON CONFLICT (fingerprint) DO NOTHING",
                                      kClaimInsertColumns,
                                      PlaceholderList(kClaimInsertColumnCount, Placeholders::kDollar)),
                          pqxx::prepare::make_dynamic_params(Params(row)))
               .affected_rows() > 0;
  }

  template <typename T, typename F>
  Result<std::vector<T>> Query(const std::string& sql, const std::vector<std::string>& params, F read) const {
    try {
      pqxx::read_transaction tx(conn_);
      pqxx::result r = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params));
      std::vector<T> out;
      out.reserve(r.size());
      for (const auto& row : r) out.push_back(read(ReadRow(row)));
      return out;
    } catch (const std::exception& e) {
      return Status::IOError(fmt::format("{}: query failed: {}", Location(), e.what()));
    }
  }

  std::string uri_;
  mutable pqxx::connection conn_;
};

// The module's entry points (pg_module.h).

Result<std::unique_ptr<Store>> OpenStore(const std::string& uri, bool* created) {
  std::unique_ptr<PgStore> store;
  try {
    store = std::make_unique<PgStore>(uri);
  } catch (const std::exception& e) {
    std::string msg = e.what();
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return Status::IOError(fmt::format("cannot connect to PostgreSQL: {}", msg));
  }
  FTF_RETURN_IF_ERROR(store->Migrate(created));
  return std::unique_ptr<Store>(std::move(store));
}

Result<void*> WalConnect(const std::string& uri) {
  try {
    return static_cast<void*>(new pqxx::connection(uri));
  } catch (const std::exception& e) {
    return Status::IOError(fmt::format("reading the WAL position: {}", e.what()));
  }
}

Result<std::string> WalPosition(void* connection) {
  try {
    pqxx::nontransaction tx(*static_cast<pqxx::connection*>(connection));
    return tx.exec1("SELECT pg_current_wal_lsn()::text")[0].as<std::string>();
  } catch (const std::exception& e) {
    return Status::IOError(fmt::format("reading the WAL position: {}", e.what()));
  }
}

void WalClose(void* connection) { delete static_cast<pqxx::connection*>(connection); }

}  // namespace
}  // namespace ftf

extern "C" __attribute__((visibility("default"))) const ftf::PgModuleApi* ftf_pg_module_api() {
  static const ftf::PgModuleApi api = {ftf::kPgModuleApiVersion, &ftf::OpenStore, &ftf::WalConnect,
                                       &ftf::WalPosition, &ftf::WalClose};
  return &api;
}
