#include "store/sqlite_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>

#include "core/number_format.h"
#include "store/claim_rows.h"

namespace ftf {
namespace {

// Schema migrations: entry i takes a database from version i to i + 1. Never edit a shipped
// entry; append a new one and bump kSqliteSchemaVersion (docs/store.md).
const char* const kMigrations[] = {
    // 0 -> 1: the initial schema.
    R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
  id TEXT PRIMARY KEY, publisher TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',
  authors TEXT NOT NULL DEFAULT '', published TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL, terms TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '');
CREATE TABLE documents (
  sha256 TEXT PRIMARY KEY, source_id TEXT NOT NULL REFERENCES sources(id), date TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT 'en', title TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,
  stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE TABLE claims (
  id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE,
  scope TEXT NOT NULL, category TEXT NOT NULL, subgroup TEXT NOT NULL, unit TEXT NOT NULL,
  low REAL, best REAL, high REAL, qualifier TEXT NOT NULL, as_of TEXT NOT NULL DEFAULT '',
  source_id TEXT NOT NULL REFERENCES sources(id), attributed_to TEXT, origin TEXT NOT NULL,
  document_sha256 TEXT REFERENCES documents(sha256), span_start INTEGER, span_end INTEGER,
  cue TEXT NOT NULL DEFAULT '', sentence TEXT NOT NULL DEFAULT '', page TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  CHECK (low IS NULL OR high IS NULL OR low <= high));
CREATE INDEX claims_by_key ON claims (scope, category, subgroup, unit);
CREATE INDEX claims_by_document ON claims (document_sha256);
)sql",
    // 1 -> 2: review status on claims and the audit log of review decisions. Claims the
    // extractor made before review existed have not been seen by anyone: they become pending.
    R"sql(
ALTER TABLE claims ADD COLUMN review TEXT NOT NULL DEFAULT 'accepted';
ALTER TABLE claims ADD COLUMN review_note TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN rule TEXT NOT NULL DEFAULT '';
UPDATE claims SET review = 'pending' WHERE origin LIKE 'extractor/%';
CREATE INDEX claims_by_review ON claims (review);
CREATE TABLE review_log (
  id INTEGER PRIMARY KEY, entry_key TEXT NOT NULL UNIQUE, at TEXT NOT NULL, actor TEXT NOT NULL,
  action TEXT NOT NULL, claim_fingerprint TEXT NOT NULL, document_sha256 TEXT NOT NULL DEFAULT '',
  cue TEXT NOT NULL DEFAULT '', sentence TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',
  before TEXT NOT NULL, after TEXT NOT NULL);
)sql",
    // 2 -> 3: a claim's role in its publication (headline, table_row, table_total, derived;
    // '' when not recorded), docs/fusion.md "Editions and copies".
    R"sql(
ALTER TABLE claims ADD COLUMN role TEXT NOT NULL DEFAULT '';
)sql",
    // 3 -> 4: the other names a source goes by ("Soufan Group; TSG"), so that a copy crediting
    // one of them folds into the source's edition (docs/fusion.md, "Copies under other sources").
    R"sql(
ALTER TABLE sources ADD COLUMN aliases TEXT NOT NULL DEFAULT '';
)sql",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSqliteSchemaVersion);

// A prepared statement that finalises itself.
class Stmt {
 public:
  Stmt(sqlite3* db, const std::string& sql) { rc_ = sqlite3_prepare_v2(db, sql.c_str(), -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() const { return s_; }
  void Bind(int i, const std::string& v) { sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
  void BindNull(int i) { sqlite3_bind_null(s_, i); }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  std::string Text(int c) const {
    const unsigned char* t = sqlite3_column_text(s_, c);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(s_, c)))
             : std::string();
  }
  bool IsNull(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  int64_t Int(int c) const { return sqlite3_column_int64(s_, c); }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_;
};

// Binds a row of nullable text values from parameter `first` on.
void BindRow(Stmt& s, const SqlRow& row, int first = 1) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i]) s.Bind(first + static_cast<int>(i), *row[i]);
    else s.BindNull(first + static_cast<int>(i));
  }
}

SqlRow ReadRow(const Stmt& s, int columns) {
  SqlRow row(static_cast<size_t>(columns));
  for (int c = 0; c < columns; ++c) {
    if (s.IsNull(c)) continue;
    // REAL as the shortest text that reads back to the same double (SQLite's own text
    // conversion keeps only 15 digits).
    if (sqlite3_column_type(s.get(), c) == SQLITE_FLOAT)
      row[static_cast<size_t>(c)] = FormatNumber(sqlite3_column_double(s.get(), c));
    else
      row[static_cast<size_t>(c)] = s.Text(c);
  }
  return row;
}

}  // namespace

const char* SqliteMigrationSql(int from) { return kMigrations[from]; }

Status SqliteStore::Error(const std::string& what) const {
  return Status::IOError(fmt::format("{}: {}: {}", path_, what, sqlite3_errmsg(db_)));
}

Status SqliteStore::Exec(const char* sql) const {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    int code = sqlite3_errcode(db_);
    if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
      return Status::Corruption(fmt::format("{}: not an ftfwatch database ({})", path_, msg));
    if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_PERM)
      return Status::IOError(fmt::format("{}: database is not writable ({})", path_, msg));
    return Status::IOError(fmt::format("{}: {}", path_, msg));
  }
  return Status::OK();
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path, bool read_only, bool* created) {
  namespace fs = std::filesystem;
  std::error_code ec;
  bool exists = fs::exists(path, ec);
  if (created) *created = !exists;
  if (!exists) {
    if (read_only) return Status::NotFound(fmt::format("{}: no such database", path));
    fs::path dir = fs::path(path).parent_path();
    if (!dir.empty() && !fs::exists(dir, ec)) {
      fs::create_directories(dir, ec);
      if (ec)
        return Status::IOError(
            fmt::format("{}: cannot create the database's directory {}: {}", path, dir.string(), ec.message()));
    }
    if (!dir.empty() && access(dir.c_str(), W_OK) != 0)
      return Status::IOError(fmt::format("{}: directory {} is not writable", path, dir.string()));
  } else if (!read_only && access(path.c_str(), W_OK) != 0) {
    return Status::IOError(fmt::format("{}: database file is not writable (check its permissions, or use --db)", path));
  } else if (fs::is_directory(path, ec)) {
    return Status::IOError(fmt::format("{}: is a directory, not a database file", path));
  }
  sqlite3* db = nullptr;
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<SqliteStore> store(new SqliteStore(db, path));
  if (rc != SQLITE_OK) return store->Error("cannot open database");
  sqlite3_busy_timeout(db, 5000);
  FTF_RETURN_IF_ERROR(store->Exec("PRAGMA foreign_keys = ON"));
  if (!read_only) {
    Status st = store->Exec("PRAGMA journal_mode = WAL");
    if (!st.ok()) return st;
  }
  FTF_RETURN_IF_ERROR(store->Migrate());
  return store;
}

SqliteStore::~SqliteStore() { sqlite3_close_v2(db_); }

Status SqliteStore::Migrate() {
  // The schema version lives in SQLite's user_version header field.
  Stmt q(db_, "PRAGMA user_version");
  if (!q.ok()) {
    int code = sqlite3_errcode(db_);
    if (code == SQLITE_NOTADB) return Status::Corruption(fmt::format("{}: not an SQLite database", path_));
    return Error("reading schema version");
  }
  int version = 0;
  int rc = sqlite3_step(q.get());
  if (rc == SQLITE_NOTADB) return Status::Corruption(fmt::format("{}: not an SQLite database", path_));
  if (rc == SQLITE_ROW) version = static_cast<int>(q.Int(0));
  if (version > kSqliteSchemaVersion)
    return Status::FailedPrecondition(fmt::format(
        "{}: database schema version {} is newer than this ftfwatch understands ({}); upgrade ftfwatch",
        path_, version, kSqliteSchemaVersion));
  if (version == 0) {
    // A version-0 file must be empty: refuse to write our tables into someone else's database.
    Stmt t(db_, "SELECT count(*) FROM sqlite_master");
    if (t.ok() && sqlite3_step(t.get()) == SQLITE_ROW && t.Int(0) > 0)
      return Status::FailedPrecondition(fmt::format("{}: an SQLite database that is not ftfwatch's", path_));
  }
  for (int v = version; v < kSqliteSchemaVersion; ++v) {
    FTF_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status st = Exec(kMigrations[v]);
    if (st.ok()) st = Exec(fmt::format("PRAGMA user_version = {}", v + 1).c_str());
    if (!st.ok()) {
      (void)Exec("ROLLBACK");
      return st.WithContext(fmt::format("migration to schema {}", v + 1));
    }
    FTF_RETURN_IF_ERROR(Exec("COMMIT"));
  }
  schema_version_ = kSqliteSchemaVersion;
  return Status::OK();
}

Result<ImportStats> SqliteStore::Import(const ImportBatch& batch) {
  ImportStats stats;
  FTF_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto fail = [&](Status st) {
    (void)Exec("ROLLBACK");
    return st;
  };
  {
    Stmt s(db_, fmt::format("INSERT OR IGNORE INTO sources ({}) VALUES ({})", kSourceColumns,
                            PlaceholderList(kSourceColumnCount, Placeholders::kQuestion)));
    if (!s.ok()) return fail(Error("preparing source insert"));
    for (const Source& src : batch.sources) {
      sqlite3_reset(s.get());
      BindRow(s, SourceToRow(src));
      if (sqlite3_step(s.get()) != SQLITE_DONE) return fail(Error("storing source " + src.id));
      stats.sources_added += sqlite3_changes(db_);
    }
    Stmt fill(db_, FillSourceAliasesSql(Placeholders::kQuestion));
    if (!fill.ok()) return fail(Error("preparing source alias update"));
    for (const Source& src : batch.sources) {
      if (src.aliases.empty()) continue;
      sqlite3_reset(fill.get());
      fill.Bind(1, JoinAliases(src.aliases));
      fill.Bind(2, src.id);
      if (sqlite3_step(fill.get()) != SQLITE_DONE) return fail(Error("storing aliases of source " + src.id));
    }
  }
  {
    Stmt s(db_, fmt::format("INSERT OR IGNORE INTO documents ({}) VALUES ({})", kDocumentColumns,
                            PlaceholderList(6, Placeholders::kQuestion)));
    if (!s.ok()) return fail(Error("preparing document insert"));
    for (const Document& d : batch.documents) {
      sqlite3_reset(s.get());
      BindRow(s, DocumentToRow(d));
      if (sqlite3_step(s.get()) != SQLITE_DONE) {
        if (sqlite3_extended_errcode(db_) == SQLITE_CONSTRAINT_FOREIGNKEY)
          return fail(Status::InvalidArgument(
              fmt::format("document {}: unknown source '{}'", d.sha256.substr(0, 12), d.source_id)));
        return fail(Error("storing document"));
      }
      stats.documents_added += sqlite3_changes(db_);
    }
  }
  {
    Stmt s(db_, fmt::format("INSERT OR IGNORE INTO claims ({}) VALUES ({})", kClaimInsertColumns,
                            PlaceholderList(kClaimInsertColumnCount, Placeholders::kQuestion)));
    if (!s.ok()) return fail(Error("preparing claim insert"));
    for (size_t i = 0; i < batch.claims.size(); ++i) {
      const Claim& c = batch.claims[i];
      sqlite3_reset(s.get());
      BindRow(s, ClaimToInsertRow(c));
      if (sqlite3_step(s.get()) != SQLITE_DONE) {
        if (sqlite3_extended_errcode(db_) == SQLITE_CONSTRAINT_FOREIGNKEY)
          return fail(Status::InvalidArgument(fmt::format(
              "claim {} ({} {}): unknown source '{}' or document '{}'", i + 1, c.scope, Name(c.category),
              c.source_id, c.document_sha256)));
        return fail(Error(fmt::format("storing claim {}", i + 1)));
      }
      if (sqlite3_changes(db_) > 0) ++stats.claims_added;
      else ++stats.claims_skipped;
    }
  }
  {
    Stmt s(db_, fmt::format("INSERT OR IGNORE INTO review_log ({}) VALUES ({})", kReviewLogColumns,
                            PlaceholderList(kReviewLogColumnCount, Placeholders::kQuestion)));
    if (!s.ok()) return fail(Error("preparing review log insert"));
    for (const ReviewLogEntry& e : batch.review_log) {
      sqlite3_reset(s.get());
      BindRow(s, ReviewLogToRow(e));
      if (sqlite3_step(s.get()) != SQLITE_DONE) return fail(Error("storing review log entry"));
    }
  }
  Status st = Exec("COMMIT");
  if (!st.ok()) return fail(st);
  return stats;
}

Result<std::vector<Source>> SqliteStore::ListSources() const {
  Stmt s(db_, fmt::format("SELECT {} FROM sources ORDER BY id", kSourceColumns));
  if (!s.ok()) return Error("listing sources");
  std::vector<Source> out;
  while (sqlite3_step(s.get()) == SQLITE_ROW) out.push_back(SourceFromRow(ReadRow(s, kSourceColumnCount)));
  return out;
}

Result<std::optional<Source>> SqliteStore::FindSource(const std::string& id) const {
  FTF_ASSIGN_OR_RETURN(auto all, ListSources());
  for (auto& s : all)
    if (s.id == id) return std::optional<Source>(std::move(s));
  return std::optional<Source>();
}

Result<std::vector<Claim>> SqliteStore::ListClaims(const ClaimFilter& filter) const {
  FilterSql f = BuildClaimFilterSql(filter, Placeholders::kQuestion);
  std::string sql = std::string("SELECT id, ") + kClaimRowColumns + " FROM claims" + f.where +
                    " ORDER BY scope, category, subgroup, unit, as_of, source_id, id";
  if (filter.limit >= 0) sql += fmt::format(" LIMIT {} OFFSET {}", filter.limit, filter.offset);
  Stmt s(db_, sql);
  if (!s.ok()) return Error("listing claims");
  for (size_t i = 0; i < f.params.size(); ++i) s.Bind(static_cast<int>(i + 1), f.params[i]);
  std::vector<Claim> out;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) out.push_back(ClaimFromRow(ReadRow(s, kClaimRowColumnCount)));
  if (rc != SQLITE_DONE) return Error("reading claims");
  return out;
}

Result<int64_t> SqliteStore::CountClaims(const ClaimFilter& filter) const {
  FilterSql f = BuildClaimFilterSql(filter, Placeholders::kQuestion);
  Stmt s(db_, "SELECT count(*) FROM claims" + f.where);
  if (!s.ok()) return Error("counting claims");
  for (size_t i = 0; i < f.params.size(); ++i) s.Bind(static_cast<int>(i + 1), f.params[i]);
  if (sqlite3_step(s.get()) != SQLITE_ROW) return Error("counting claims");
  return s.Int(0);
}

Result<std::vector<Document>> SqliteStore::ListDocuments() const {
  Stmt s(db_, fmt::format("SELECT {} FROM documents ORDER BY date, sha256", kDocumentColumns));
  if (!s.ok()) return Error("listing documents");
  std::vector<Document> out;
  while (sqlite3_step(s.get()) == SQLITE_ROW) out.push_back(DocumentFromRow(ReadRow(s, 6)));
  return out;
}

Result<std::optional<Document>> SqliteStore::FindDocument(const std::string& sha256) const {
  Stmt s(db_, fmt::format("SELECT {} FROM documents WHERE sha256 = ?", kDocumentColumns));
  if (!s.ok()) return Error("finding document");
  s.Bind(1, sha256);
  if (sqlite3_step(s.get()) != SQLITE_ROW) return std::optional<Document>();
  return std::optional<Document>(DocumentFromRow(ReadRow(s, 6)));
}

Status SqliteStore::InsertClaim(const Claim& c, bool* added) {
  Stmt s(db_, fmt::format("INSERT OR IGNORE INTO claims ({}) VALUES ({})", kClaimInsertColumns,
                          PlaceholderList(kClaimInsertColumnCount, Placeholders::kQuestion)));
  if (!s.ok()) return Error("preparing claim insert");
  BindRow(s, ClaimToInsertRow(c));
  if (sqlite3_step(s.get()) != SQLITE_DONE) return Error("storing claim");
  *added = sqlite3_changes(db_) > 0;
  return Status::OK();
}

Result<ReviewStats> SqliteStore::ApplyReview(const std::vector<ReviewDecision>& decisions, const std::string& actor,
                                             const std::string& at) {
  const std::string when = at.empty() ? UtcNow() : at;
  ReviewStats stats;
  FTF_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto fail = [&](Status st) {
    (void)Exec("ROLLBACK");
    return st;
  };
  for (const ReviewDecision& d : decisions) {
    ClaimFilter f;
    f.ids = {d.claim_id};
    auto found = ListClaims(f);
    if (!found.ok()) return fail(found.status());
    if (found->empty()) return fail(Status::NotFound(fmt::format("claim {}: no such claim", d.claim_id)));
    auto step = PlanReview(found->front(), d, actor, when);
    if (!step.ok()) return fail(step.status());
    if (step->correction) {
      bool added = false;
      Status st = InsertClaim(*step->correction, &added);
      if (!st.ok()) return fail(st);
      if (!added)
        return fail(Status::AlreadyExists(
            fmt::format("claim {}: correction: the corrected figure is already stored", d.claim_id)));
      ++stats.corrections_added;
    }
    Stmt u(db_, "UPDATE claims SET review = ?, review_note = ? WHERE id = ?");
    u.Bind(1, std::string(Name(step->status)));
    u.Bind(2, step->review_note);
    u.Bind(3, d.claim_id);
    if (sqlite3_step(u.get()) != SQLITE_DONE) return fail(Error("updating review status"));
    Stmt l(db_, fmt::format("INSERT OR IGNORE INTO review_log ({}) VALUES ({})", kReviewLogColumns,
                            PlaceholderList(kReviewLogColumnCount, Placeholders::kQuestion)));
    BindRow(l, ReviewLogToRow(step->log));
    if (sqlite3_step(l.get()) != SQLITE_DONE) return fail(Error("writing the review log"));
    ++stats.decided;
  }
  Status st = Exec("COMMIT");
  if (!st.ok()) return fail(st);
  return stats;
}

Result<std::vector<ReviewLogEntry>> SqliteStore::ListReviewLog() const {
  Stmt s(db_, fmt::format("SELECT id, {} FROM review_log ORDER BY at, id", kReviewLogColumns));
  if (!s.ok()) return Error("listing the review log");
  std::vector<ReviewLogEntry> out;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW)
    out.push_back(ReviewLogFromRow(ReadRow(s, kReviewLogColumnCount + 1)));
  if (rc != SQLITE_DONE) return Error("reading the review log");
  return out;
}

Result<ReextractStats> SqliteStore::ReplaceExtractorClaims(const std::string& document_sha256,
                                                           std::vector<Claim> fresh) {
  ReextractStats stats;
  FTF_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  auto fail = [&](Status st) {
    (void)Exec("ROLLBACK");
    return st;
  };
  auto doc = FindDocument(document_sha256);
  if (!doc.ok()) return fail(doc.status());
  if (!doc->has_value()) return fail(Status::NotFound(fmt::format("document {}: not stored", document_sha256)));
  ClaimFilter f;
  f.document_sha256 = document_sha256;
  auto current = ListClaims(f);
  if (!current.ok()) return fail(current.status());
  std::vector<Claim> old;
  for (Claim& c : *current)
    if (IsExtractorOrigin(c.origin)) old.push_back(std::move(c));
  stats.decisions_kept = CarryDecisions(old, fresh);
  for (const Claim& c : old) {
    Stmt d(db_, "DELETE FROM claims WHERE id = ?");
    d.Bind(1, c.id);
    if (sqlite3_step(d.get()) != SQLITE_DONE) return fail(Error("removing an old extractor claim"));
    ++stats.claims_removed;
  }
  for (const Claim& c : fresh) {
    bool added = false;
    Status st = InsertClaim(c, &added);
    if (!st.ok()) return fail(st);
    if (added) ++stats.claims_added;
  }
  Status st = Exec("COMMIT");
  if (!st.ok()) return fail(st);
  return stats;
}

}  // namespace ftf
