#include "store/sqlite_store.h"

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include <fmt/format.h>

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
  void Bind(int i, const std::optional<double>& v) {
    if (v) sqlite3_bind_double(s_, i, *v);
    else sqlite3_bind_null(s_, i);
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  std::string Text(int c) const {
    const unsigned char* t = sqlite3_column_text(s_, c);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(s_, c)))
             : std::string();
  }
  std::optional<double> Real(int c) const {
    if (sqlite3_column_type(s_, c) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_double(s_, c);
  }
  bool IsNull(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  int64_t Int(int c) const { return sqlite3_column_int64(s_, c); }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_;
};

// Builds WHERE clauses for a ClaimFilter; parameters are bound in order.
struct FilterSql {
  std::string where;
  std::vector<std::string> params;
};

FilterSql BuildFilter(const ClaimFilter& f) {
  FilterSql out;
  std::vector<std::string> conds;
  if (!f.scopes.empty()) {
    std::string in;
    for (size_t i = 0; i < f.scopes.size(); ++i) {
      in += i ? ",?" : "?";
      out.params.push_back(f.scopes[i]);
    }
    conds.push_back("scope IN (" + in + ")");
  }
  if (f.category) {
    conds.push_back("category = ?");
    out.params.emplace_back(Name(*f.category));
  }
  if (f.subgroup) {
    conds.push_back("subgroup = ?");
    out.params.emplace_back(Name(*f.subgroup));
  }
  if (f.unit) {
    conds.push_back("unit = ?");
    out.params.emplace_back(Name(*f.unit));
  }
  if (f.source_id) {
    conds.push_back("source_id = ?");
    out.params.push_back(*f.source_id);
  }
  if (f.document_sha256) {
    conds.push_back("document_sha256 = ?");
    out.params.push_back(*f.document_sha256);
  }
  if (f.as_of_max) {
    // A claim counts as published by D when its document's date, or else its source's
    // publication date, or else its as_of, is on or before D. Partial dates compare by prefix.
    conds.push_back(
        "COALESCE(NULLIF((SELECT d.date FROM documents d WHERE d.sha256 = claims.document_sha256), ''),"
        " NULLIF((SELECT s.published FROM sources s WHERE s.id = claims.source_id), ''), as_of) <= ?");
    out.params.push_back(*f.as_of_max + "~");  // '~' sorts after digits: 2017-10 <= 2017-10-31~
  }
  for (size_t i = 0; i < conds.size(); ++i) out.where += (i ? " AND " : " WHERE ") + conds[i];
  return out;
}

constexpr const char* kClaimColumns =
    "id, scope, category, subgroup, unit, low, best, high, qualifier, as_of, source_id, attributed_to, origin, "
    "document_sha256, span_start, span_end, cue, sentence, page, note";

Claim ReadClaim(const Stmt& s) {
  Claim c;
  c.id = s.Int(0);
  c.scope = s.Text(1);
  c.category = ParseCategory(s.Text(2)).value_or(Category::kDeparted);
  c.subgroup = ParseSubgroup(s.Text(3)).value_or(Subgroup::kAll);
  c.unit = ParseUnit(s.Text(4)).value_or(Unit::kPersons);
  c.low = s.Real(5);
  c.best = s.Real(6);
  c.high = s.Real(7);
  c.qualifier = ParseQualifier(s.Text(8)).value_or(Qualifier::kExact);
  c.as_of = s.Text(9);
  c.source_id = s.Text(10);
  if (!s.IsNull(11)) c.attributed_to = s.Text(11);
  c.origin = s.Text(12);
  c.document_sha256 = s.Text(13);
  if (!s.IsNull(14)) c.span = Span{s.Int(14), s.Int(15)};
  c.cue = s.Text(16);
  c.sentence = s.Text(17);
  c.page = s.Text(18);
  c.note = s.Text(19);
  return c;
}

}  // namespace

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
    Stmt s(db_,
           "INSERT OR IGNORE INTO sources (id, publisher, title, authors, published, url, kind, terms, notes) "
           "VALUES (?,?,?,?,?,?,?,?,?)");
    if (!s.ok()) return fail(Error("preparing source insert"));
    for (const Source& src : batch.sources) {
      sqlite3_reset(s.get());
      s.Bind(1, src.id);
      s.Bind(2, src.publisher);
      s.Bind(3, src.title);
      s.Bind(4, src.authors);
      s.Bind(5, src.published);
      s.Bind(6, src.url);
      s.Bind(7, std::string(Name(src.kind)));
      s.Bind(8, src.terms);
      s.Bind(9, src.notes);
      if (sqlite3_step(s.get()) != SQLITE_DONE) return fail(Error("storing source " + src.id));
      stats.sources_added += sqlite3_changes(db_);
    }
  }
  {
    Stmt s(db_,
           "INSERT OR IGNORE INTO documents (sha256, source_id, date, lang, title, text) VALUES (?,?,?,?,?,?)");
    if (!s.ok()) return fail(Error("preparing document insert"));
    for (const Document& d : batch.documents) {
      sqlite3_reset(s.get());
      s.Bind(1, d.sha256);
      s.Bind(2, d.source_id);
      s.Bind(3, d.date);
      s.Bind(4, d.lang);
      s.Bind(5, d.title);
      s.Bind(6, d.text);
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
    Stmt s(db_, std::string("INSERT OR IGNORE INTO claims (fingerprint, ") + (kClaimColumns + 4) +
                    ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!s.ok()) return fail(Error("preparing claim insert"));
    for (size_t i = 0; i < batch.claims.size(); ++i) {
      const Claim& c = batch.claims[i];
      sqlite3_reset(s.get());
      s.Bind(1, ClaimFingerprint(c));
      s.Bind(2, c.scope);
      s.Bind(3, std::string(Name(c.category)));
      s.Bind(4, std::string(Name(c.subgroup)));
      s.Bind(5, std::string(Name(c.unit)));
      s.Bind(6, c.low);
      s.Bind(7, c.best);
      s.Bind(8, c.high);
      s.Bind(9, std::string(Name(c.qualifier)));
      s.Bind(10, c.as_of);
      s.Bind(11, c.source_id);
      if (c.attributed_to) s.Bind(12, *c.attributed_to);
      else s.BindNull(12);
      s.Bind(13, c.origin);
      if (c.document_sha256.empty()) s.BindNull(14);
      else s.Bind(14, c.document_sha256);
      if (c.span) {
        s.Bind(15, c.span->start);
        s.Bind(16, c.span->end);
      } else {
        s.BindNull(15);
        s.BindNull(16);
      }
      s.Bind(17, c.cue);
      s.Bind(18, c.sentence);
      s.Bind(19, c.page);
      s.Bind(20, c.note);
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
  Status st = Exec("COMMIT");
  if (!st.ok()) return fail(st);
  return stats;
}

Result<std::vector<Source>> SqliteStore::ListSources() const {
  Stmt s(db_, "SELECT id, publisher, title, authors, published, url, kind, terms, notes FROM sources ORDER BY id");
  if (!s.ok()) return Error("listing sources");
  std::vector<Source> out;
  while (sqlite3_step(s.get()) == SQLITE_ROW) {
    Source src;
    src.id = s.Text(0);
    src.publisher = s.Text(1);
    src.title = s.Text(2);
    src.authors = s.Text(3);
    src.published = s.Text(4);
    src.url = s.Text(5);
    src.kind = ParseSourceKind(s.Text(6)).value_or(SourceKind::kUnspecified);
    src.terms = s.Text(7);
    src.notes = s.Text(8);
    out.push_back(std::move(src));
  }
  return out;
}

Result<std::optional<Source>> SqliteStore::FindSource(const std::string& id) const {
  FTF_ASSIGN_OR_RETURN(auto all, ListSources());
  for (auto& s : all)
    if (s.id == id) return std::optional<Source>(std::move(s));
  return std::optional<Source>();
}

Result<std::vector<Claim>> SqliteStore::ListClaims(const ClaimFilter& filter) const {
  FilterSql f = BuildFilter(filter);
  std::string sql = std::string("SELECT ") + kClaimColumns + " FROM claims" + f.where +
                    " ORDER BY scope, category, subgroup, unit, as_of, source_id, id";
  if (filter.limit >= 0) sql += fmt::format(" LIMIT {} OFFSET {}", filter.limit, filter.offset);
  Stmt s(db_, sql);
  if (!s.ok()) return Error("listing claims");
  for (size_t i = 0; i < f.params.size(); ++i) s.Bind(static_cast<int>(i + 1), f.params[i]);
  std::vector<Claim> out;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) out.push_back(ReadClaim(s));
  if (rc != SQLITE_DONE) return Error("reading claims");
  return out;
}

Result<int64_t> SqliteStore::CountClaims(const ClaimFilter& filter) const {
  FilterSql f = BuildFilter(filter);
  Stmt s(db_, "SELECT count(*) FROM claims" + f.where);
  if (!s.ok()) return Error("counting claims");
  for (size_t i = 0; i < f.params.size(); ++i) s.Bind(static_cast<int>(i + 1), f.params[i]);
  if (sqlite3_step(s.get()) != SQLITE_ROW) return Error("counting claims");
  return s.Int(0);
}

Result<std::vector<Document>> SqliteStore::ListDocuments() const {
  Stmt s(db_, "SELECT sha256, source_id, date, lang, title, text FROM documents ORDER BY date, sha256");
  if (!s.ok()) return Error("listing documents");
  std::vector<Document> out;
  while (sqlite3_step(s.get()) == SQLITE_ROW) {
    Document d;
    d.sha256 = s.Text(0);
    d.source_id = s.Text(1);
    d.date = s.Text(2);
    d.lang = s.Text(3);
    d.title = s.Text(4);
    d.text = s.Text(5);
    out.push_back(std::move(d));
  }
  return out;
}

Result<std::optional<Document>> SqliteStore::FindDocument(const std::string& sha256) const {
  Stmt s(db_, "SELECT sha256, source_id, date, lang, title, text FROM documents WHERE sha256 = ?");
  if (!s.ok()) return Error("finding document");
  s.Bind(1, sha256);
  if (sqlite3_step(s.get()) != SQLITE_ROW) return std::optional<Document>();
  Document d;
  d.sha256 = s.Text(0);
  d.source_id = s.Text(1);
  d.date = s.Text(2);
  d.lang = s.Text(3);
  d.title = s.Text(4);
  d.text = s.Text(5);
  return std::optional<Document>(std::move(d));
}

}  // namespace ftf
