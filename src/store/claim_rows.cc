#include "store/claim_rows.h"

#include <fmt/format.h>

#include "core/number_format.h"

namespace ftf {

const char* const kClaimRowColumns =
    "scope, category, subgroup, unit, low, best, high, qualifier, as_of, source_id, attributed_to, origin, "
    "document_sha256, span_start, span_end, cue, sentence, page, note, review, review_note, rule, role";
const char* const kClaimInsertColumns =
    "scope, category, subgroup, unit, low, best, high, qualifier, as_of, source_id, attributed_to, origin, "
    "document_sha256, span_start, span_end, cue, sentence, page, note, review, review_note, rule, role, fingerprint";
const int kClaimInsertColumnCount = 24;
const int kClaimRowColumnCount = 24;

namespace {
std::optional<std::string> Num(const std::optional<double>& v) {
  if (!v) return std::nullopt;
  return FormatNumber(*v);
}
std::optional<double> ToNum(const std::optional<std::string>& s) {
  if (!s || s->empty()) return std::nullopt;
  return std::stod(*s);
}
std::string Str(const std::optional<std::string>& s) { return s.value_or(""); }
}  // namespace

SqlRow ClaimToInsertRow(const Claim& c) {
  return {c.scope,
          std::string(Name(c.category)),
          std::string(Name(c.subgroup)),
          std::string(Name(c.unit)),
          Num(c.low),
          Num(c.best),
          Num(c.high),
          std::string(Name(c.qualifier)),
          c.as_of,
          c.source_id,
          c.attributed_to,
          c.origin,
          c.document_sha256.empty() ? std::nullopt : std::optional<std::string>(c.document_sha256),
          c.span ? std::optional<std::string>(std::to_string(c.span->start)) : std::nullopt,
          c.span ? std::optional<std::string>(std::to_string(c.span->end)) : std::nullopt,
          c.cue,
          c.sentence,
          c.page,
          c.note,
          std::string(Name(c.review)),
          c.review_note,
          c.rule,
          std::string(Name(c.role)),
          ClaimFingerprint(c)};
}

Claim ClaimFromRow(const SqlRow& r) {
  Claim c;
  c.id = std::stoll(Str(r[0]));
  c.scope = Str(r[1]);
  c.category = ParseCategory(Str(r[2])).value_or(Category::kDeparted);
  c.subgroup = ParseSubgroup(Str(r[3])).value_or(Subgroup::kAll);
  c.unit = ParseUnit(Str(r[4])).value_or(Unit::kPersons);
  c.low = ToNum(r[5]);
  c.best = ToNum(r[6]);
  c.high = ToNum(r[7]);
  c.qualifier = ParseQualifier(Str(r[8])).value_or(Qualifier::kExact);
  c.as_of = Str(r[9]);
  c.source_id = Str(r[10]);
  c.attributed_to = r[11];
  c.origin = Str(r[12]);
  c.document_sha256 = Str(r[13]);
  if (r[14] && r[15]) c.span = Span{std::stoll(*r[14]), std::stoll(*r[15])};
  c.cue = Str(r[16]);
  c.sentence = Str(r[17]);
  c.page = Str(r[18]);
  c.note = Str(r[19]);
  c.review = ParseReviewStatus(Str(r[20])).value_or(ReviewStatus::kAccepted);
  c.review_note = Str(r[21]);
  c.rule = Str(r[22]);
  c.role = ParseClaimRole(Str(r[23])).value_or(ClaimRole::kUnspecified);
  return c;
}

const char* const kSourceColumns = "id, publisher, title, authors, published, url, kind, terms, notes, aliases";
const int kSourceColumnCount = 10;

SqlRow SourceToRow(const Source& s) {
  return {s.id,    s.publisher, s.title, s.authors, s.published, s.url, std::string(Name(s.kind)), s.terms,
          s.notes, JoinAliases(s.aliases)};
}

std::string FillSourceAliasesSql(Placeholders style) {
  return style == Placeholders::kDollar ? "UPDATE sources SET aliases = $1 WHERE id = $2 AND aliases = ''"
                                        : "UPDATE sources SET aliases = ? WHERE id = ? AND aliases = ''";
}

Source SourceFromRow(const SqlRow& r) {
  Source s;
  s.id = Str(r[0]);
  s.publisher = Str(r[1]);
  s.title = Str(r[2]);
  s.authors = Str(r[3]);
  s.published = Str(r[4]);
  s.url = Str(r[5]);
  s.kind = ParseSourceKind(Str(r[6])).value_or(SourceKind::kUnspecified);
  s.terms = Str(r[7]);
  s.notes = Str(r[8]);
  s.aliases = SplitAliases(Str(r[9]));
  return s;
}

const char* const kDocumentColumns = "sha256, source_id, date, lang, title, text";

SqlRow DocumentToRow(const Document& d) { return {d.sha256, d.source_id, d.date, d.lang, d.title, d.text}; }

Document DocumentFromRow(const SqlRow& r) {
  Document d;
  d.sha256 = Str(r[0]);
  d.source_id = Str(r[1]);
  d.date = Str(r[2]);
  d.lang = Str(r[3]);
  d.title = Str(r[4]);
  d.text = Str(r[5]);
  return d;
}

const char* const kReviewLogColumns =
    "entry_key, at, actor, action, claim_fingerprint, document_sha256, cue, sentence, reason, before, after";
const int kReviewLogColumnCount = 11;

SqlRow ReviewLogToRow(const ReviewLogEntry& e) {
  return {ReviewLogKey(e), e.at,       e.actor,  e.action, e.claim_fingerprint, e.document_sha256,
          e.cue,           e.sentence, e.reason, e.before, e.after};
}

ReviewLogEntry ReviewLogFromRow(const SqlRow& r) {
  ReviewLogEntry e;
  e.id = std::stoll(Str(r[0]));
  e.at = Str(r[2]);
  e.actor = Str(r[3]);
  e.action = Str(r[4]);
  e.claim_fingerprint = Str(r[5]);
  e.document_sha256 = Str(r[6]);
  e.cue = Str(r[7]);
  e.sentence = Str(r[8]);
  e.reason = Str(r[9]);
  e.before = Str(r[10]);
  e.after = Str(r[11]);
  return e;
}

std::string PlaceholderList(int n, Placeholders style, int first) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i) out += ", ";
    out += style == Placeholders::kQuestion ? std::string("?") : fmt::format("${}", first + i);
  }
  return out;
}

FilterSql BuildClaimFilterSql(const ClaimFilter& f, Placeholders style, int first) {
  FilterSql out;
  std::vector<std::string> conds;
  auto next = [&] {
    return style == Placeholders::kQuestion ? std::string("?")
                                            : fmt::format("${}", first + static_cast<int>(out.params.size()) - 1);
  };
  if (!f.scopes.empty()) {
    std::string in;
    for (size_t i = 0; i < f.scopes.size(); ++i) {
      out.params.push_back(f.scopes[i]);
      in += (i ? "," : "") + next();
    }
    conds.push_back("scope IN (" + in + ")");
  }
  auto eq = [&](const char* column, std::string value) {
    out.params.push_back(std::move(value));
    conds.push_back(std::string(column) + " = " + next());
  };
  if (f.category) eq("category", std::string(Name(*f.category)));
  if (f.subgroup) eq("subgroup", std::string(Name(*f.subgroup)));
  if (f.unit) eq("unit", std::string(Name(*f.unit)));
  if (f.source_id) eq("source_id", *f.source_id);
  if (f.document_sha256) eq("document_sha256", *f.document_sha256);
  if (f.rule) eq("rule", *f.rule);
  if (!f.review.empty()) {
    std::string in;
    for (size_t i = 0; i < f.review.size(); ++i) {
      out.params.push_back(std::string(Name(f.review[i])));
      in += (i ? "," : "") + next();
    }
    conds.push_back("review IN (" + in + ")");
  }
  if (!f.ids.empty()) {
    // Ids are numbers formatted here, never text from outside: safe to inline.
    std::string in;
    for (size_t i = 0; i < f.ids.size(); ++i) in += (i ? "," : "") + std::to_string(f.ids[i]);
    conds.push_back("id IN (" + in + ")");
  }
  if (f.as_of_max) {
    // Published by D: the document's date, else the source's publication date, else as_of,
    // is on or before D. Partial dates compare by prefix: '~' sorts after every digit, so
    // "2017-10" <= "2017-10-31~".
    out.params.push_back(*f.as_of_max + "~");
    conds.push_back(
        "COALESCE(NULLIF((SELECT d.date FROM documents d WHERE d.sha256 = claims.document_sha256), ''),"
        " NULLIF((SELECT s.published FROM sources s WHERE s.id = claims.source_id), ''), as_of)" +
        std::string(style == Placeholders::kDollar ? " COLLATE \"C\"" : "") + " <= " + next());
  }
  for (size_t i = 0; i < conds.size(); ++i) out.where += (i ? " AND " : " WHERE ") + conds[i];
  return out;
}

}  // namespace ftf
