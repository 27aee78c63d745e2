// ftfwatch ingest FILE...|DIR|--jsonl FILE [--date D] [--source NAME] [--one-transaction]
// Stores documents (text, sha256, date, source) and the claims extracted from them, one
// transaction per document, or one for the whole invocation with --one-transaction (how
// ftfwatch-dask writes a chunk). Re-ingesting the same text adds nothing (documents are keyed
// by sha256, claims de-duplicated by fingerprint).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <fmt/core.h>

#include "cli/command.h"
#include "extract/claim_extractor.h"
#include "extract/corpus_runner.h"
#include "ingest/ingest.h"
#include "claims/claim_csv.h"
#include "report/table.h"
#include "store/store.h"

namespace ftf::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  std::string jsonl;
  std::string date;
  std::string source;
  std::string kind = "unspecified";
  bool one_transaction = false;
  bool json_summary = false;
};

// The store as PrepareIngest sees it: FindSource is answered from memory after the first
// look-up of each id, so thousands of documents from a few sources cost a few queries, not one
// each (on PostgreSQL, a round trip per document). A source found missing is created by the
// batch of every document that names it; storing it again adds nothing (ON CONFLICT / OR
// IGNORE). Everything else goes to the real store.
class SourceLookupCache final : public Store {
 public:
  explicit SourceLookupCache(Store& store) : store_(store) {}
  int SchemaVersion() const override { return store_.SchemaVersion(); }
  std::string Location() const override { return store_.Location(); }
  Result<ImportStats> Import(const ImportBatch& batch) override { return store_.Import(batch); }
  Result<std::vector<Source>> ListSources() const override { return store_.ListSources(); }
  Result<std::optional<Source>> FindSource(const std::string& id) const override {
    if (auto it = found_.find(id); it != found_.end()) return it->second;
    auto r = store_.FindSource(id);
    if (r.ok()) found_.emplace(id, *r);
    return r;
  }
  Result<std::vector<Claim>> ListClaims(const ClaimFilter& filter) const override { return store_.ListClaims(filter); }
  Result<int64_t> CountClaims(const ClaimFilter& filter) const override { return store_.CountClaims(filter); }
  Result<std::vector<Document>> ListDocuments() const override { return store_.ListDocuments(); }
  Result<std::optional<Document>> FindDocument(const std::string& sha256) const override {
    return store_.FindDocument(sha256);
  }
  Result<ReviewStats> ApplyReview(const std::vector<ReviewDecision>& decisions, const std::string& actor,
                                  const std::string& at) override {
    return store_.ApplyReview(decisions, actor, at);
  }
  Result<std::vector<ReviewLogEntry>> ListReviewLog() const override { return store_.ListReviewLog(); }
  Result<ReextractStats> ReplaceExtractorClaims(const std::string& document_sha256, std::vector<Claim> fresh) override {
    return store_.ReplaceExtractorClaims(document_sha256, std::move(fresh));
  }

 private:
  Store& store_;
  mutable std::map<std::string, std::optional<Source>> found_;
};

struct Totals {
  int64_t documents = 0, documents_added = 0, claims_added = 0, claims_seen = 0, bytes = 0;
};

// Adds one document's batch to `pending`, the single transaction of --one-transaction. A new
// source named by several documents is added once.
void AppendToPending(ImportBatch& pending, ImportBatch&& one) {
  for (Source& s : one.sources)
    if (std::none_of(pending.sources.begin(), pending.sources.end(), [&](const Source& p) { return p.id == s.id; }))
      pending.sources.push_back(std::move(s));
  for (Document& d : one.documents) pending.documents.push_back(std::move(d));
  for (Claim& c : one.claims) pending.claims.push_back(std::move(c));
}

// Stores the --one-transaction batch. Sources and documents go in key order, so concurrent
// writers of overlapping chunks (a retried chunk beside its first attempt, two chunks naming
// the same new source) take row locks in one order and cannot deadlock.
Status StorePending(Store& store, ImportBatch& pending, Totals& totals) {
  std::sort(pending.sources.begin(), pending.sources.end(), [](const Source& a, const Source& b) { return a.id < b.id; });
  std::stable_sort(pending.documents.begin(), pending.documents.end(),
                   [](const Document& a, const Document& b) { return a.sha256 < b.sha256; });
  auto st = store.Import(pending);
  if (!st.ok()) return st.status();
  totals.documents_added += st->documents_added;
  totals.claims_added += st->claims_added;
  return Status::OK();
}

// Stores one document now, or adds it to `pending` when that is given (--one-transaction).
Status IngestOne(Store& store, const extract::ClaimExtractor& ex, ingest::IngestRequest req, const std::string& label,
                 bool quiet, ImportBatch* pending, Totals& totals) {
  const int64_t bytes = static_cast<int64_t>(req.text.size());
  ingest::PreparedIngest in = ingest::PrepareIngest(ex, store, std::move(req));
  if (in.invalid_utf8_offset && !quiet)
    fmt::print(stderr, "ftfwatch: {}: invalid UTF-8 at byte {}; stored with invalid bytes replaced by U+FFFD\n", label,
               *in.invalid_utf8_offset);
  totals.claims_seen += static_cast<int64_t>(in.batch.claims.size());
  if (pending) {
    AppendToPending(*pending, std::move(in.batch));
    totals.documents += 1;
    totals.bytes += bytes;
    return Status::OK();
  }
  auto st = store.Import(in.batch);
  if (!st.ok()) return st.status().WithContext(label);
  totals.documents += 1;
  totals.documents_added += st->documents_added;
  totals.claims_added += st->claims_added;
  totals.bytes += bytes;
  return Status::OK();
}

Status Run(const IngestArgs& a, Context& ctx) {
  auto parsed_kind = ParseSourceKind(a.kind);
  if (!parsed_kind)
    return Status::InvalidArgument(fmt::format(
        "--kind: unknown source kind '{}' (government, intergovernmental, think_tank, academic, news, unspecified)",
        a.kind));
  const SourceKind kind = *parsed_kind;
  if (!a.date.empty() && !IsIsoDate(a.date))
    return Status::InvalidArgument(fmt::format("--date: not a date (YYYY-MM-DD): '{}'", a.date));
  FTF_ASSIGN_OR_RETURN(std::unique_ptr<Store> opened, OpenStore(ctx));
  SourceLookupCache cached(*opened);
  Store* store = &cached;
  extract::ClaimExtractor ex;
  Totals totals;
  ImportBatch pending;
  ImportBatch* pending_ptr = a.one_transaction ? &pending : nullptr;
  bool tty = !ctx.global.quiet && isatty(2);
  auto start = std::chrono::steady_clock::now();
  auto last = start;
  auto progress = [&](bool final) {
    if (!tty) return;
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last < std::chrono::milliseconds(250)) return;
    last = now;
    double secs = std::chrono::duration<double>(now - start).count();
    double mb = static_cast<double>(totals.bytes) / 1e6;
    fmt::print(stderr, "\r{} documents, {:.1f} MB, {} claims, {:.1f} MB/s   ", totals.documents, mb, totals.claims_seen,
               secs > 0 ? mb / secs : 0.0);
    if (final) fmt::print(stderr, "\n");
  };
  // A document's text is stored as valid UTF-8.
  auto ingest_text = [&](std::string text, const std::string& date, const std::string& source,
                         const std::string& label) -> Status {
    ingest::IngestRequest req;
    req.text = std::move(text);
    req.date = date;
    req.source_name = source;
    req.kind = kind;
    Status st = IngestOne(*store, ex, std::move(req), label, ctx.global.quiet, pending_ptr, totals);
    progress(false);
    return st;
  };
  if (!a.jsonl.empty()) {
    std::ifstream f(a.jsonl, std::ios::binary);
    if (!f) return Status::IOError("cannot open '" + a.jsonl + "'");
    std::string line;
    int64_t n = 0;
    while (std::getline(f, line)) {
      ++n;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto doc = extract::ParseCorpusLine(line);
      if (!doc.ok()) return doc.status().WithContext(fmt::format("{}:{}", a.jsonl, n));
      FTF_RETURN_IF_ERROR(ingest_text(std::move(doc->text), a.date.empty() ? doc->date : a.date,
                                      a.source.empty() ? doc->source : a.source, fmt::format("{}:{}", a.jsonl, n)));
    }
  } else {
    if (a.paths.empty()) return Status::InvalidArgument("give files, a directory or --jsonl FILE");
    std::vector<std::string> files;
    for (const std::string& p : a.paths) {
      std::error_code ec;
      if (std::filesystem::is_directory(p, ec)) {
        std::vector<std::string> found;
        for (const auto& e : std::filesystem::recursive_directory_iterator(p, ec))
          if (e.is_regular_file()) found.push_back(e.path().string());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
      } else {
        files.push_back(p);
      }
    }
    for (const std::string& path : files) {
      std::ifstream f(path, std::ios::binary);
      if (!f) return Status::IOError("cannot open '" + path + "'");
      std::ostringstream ss;
      ss << f.rdbuf();
      FTF_RETURN_IF_ERROR(ingest_text(ss.str(), a.date, a.source, path));
    }
  }
  if (a.one_transaction) {
    Status st = StorePending(*store, pending, totals);
    if (!st.ok()) return st.WithContext(a.jsonl.empty() ? "ingest" : a.jsonl);
  }
  progress(true);
  if (a.json_summary)
    fmt::print("{{\"documents\":{},\"documents_added\":{},\"claims\":{},\"claims_added\":{},\"bytes\":{}}}\n",
               totals.documents, totals.documents_added, totals.claims_seen, totals.claims_added, totals.bytes);
  if (!ctx.global.quiet)
    fmt::print(stderr, "ingested {} documents ({} new), {} new claims\n", totals.documents, totals.documents_added,
               totals.claims_added);
  return Status::OK();
}

void Setup(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* sub = app.add_subcommand("ingest", "Store documents and the claims extracted from them");
  sub->add_option("paths", args->paths, "Text files or directories")->type_name("FILE|DIR");
  sub->add_option("--jsonl", args->jsonl, "One document per line: {\"id\",\"date\",\"source\",\"text\"}")
      ->type_name("FILE");
  sub->add_option("--date", args->date, "Publication date (ISO) of the documents")->type_name("D");
  sub->add_option("--source", args->source, "Who published them (a source with this name is created)")
      ->type_name("NAME");
  sub->add_option("--kind", args->kind,
                  "Kind of a source created here: government, intergovernmental, think_tank, academic, news, "
                  "unspecified (weighs it in fusion)")
      ->capture_default_str();
  sub->add_flag("--one-transaction", args->one_transaction,
                "Store everything in one transaction (all or nothing; the whole input is held in memory): "
                "how ftfwatch-dask writes a chunk");
  sub->add_flag("--json-summary", args->json_summary,
                "Print the totals as one JSON object on stdout: documents, documents_added, claims, claims_added, "
                "bytes");
  sub->callback([args, &ctx] {
    Status st = Run(*args, ctx);
    if (!st.ok()) ctx.exit_code = Report(st);
  });
}

FTF_REGISTER_COMMAND(31, Setup);

}  // namespace
}  // namespace ftf::cli
