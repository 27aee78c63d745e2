#include "claims/claim_json.h"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "core/utf8.h"

namespace ftf {

using nlohmann::json;

json NumberOrNull(const std::optional<double>& v) {
  if (!v) return nullptr;
  if (*v == std::floor(*v) && std::fabs(*v) < 9e15) return static_cast<int64_t>(*v);
  return *v;
}

json ClaimToJson(const Claim& c) {
  json j;
  if (c.id != 0) j["id"] = c.id;  // only stored claims have one
  j["scope"] = c.scope;
  j["category"] = Name(c.category);
  j["subgroup"] = Name(c.subgroup);
  j["unit"] = Name(c.unit);
  j["low"] = NumberOrNull(c.low);
  j["best"] = NumberOrNull(c.best);
  j["high"] = NumberOrNull(c.high);
  j["qualifier"] = Name(c.qualifier);
  j["as_of"] = c.as_of.empty() ? json(nullptr) : json(c.as_of);
  j["source"] = c.source_id.empty() ? json(nullptr) : json(c.source_id);
  j["attributed_to"] = c.attributed_to ? json(*c.attributed_to) : json(nullptr);
  j["origin"] = c.origin;
  j["document"] = c.document_sha256.empty() ? json(nullptr) : json(c.document_sha256);
  j["span"] = c.span ? json::array({c.span->start, c.span->end}) : json(nullptr);
  j["cue"] = c.cue;
  j["sentence"] = c.sentence;
  if (!c.page.empty()) j["page"] = c.page;
  if (!c.note.empty()) j["note"] = c.note;
  // Review state belongs to stored claims; an extraction that was not stored has none.
  if (c.id != 0) j["review"] = Name(c.review);
  if (!c.review_note.empty()) j["review_note"] = c.review_note;
  if (!c.rule.empty()) j["rule"] = c.rule;
  if (c.role != ClaimRole::kUnspecified) j["role"] = Name(c.role);
  return j;
}

namespace {

// A JSON string as nlohmann's dump writes it with ensure_ascii off: '"' and '\\' escaped, the
// short escapes \b \f \n \r \t, other control bytes as \u00XX (lower-case hex), the rest
// copied. Text that is not valid UTF-8 goes to nlohmann itself, whose replacement of invalid
// sequences by U+FFFD this does not try to imitate.
void AppendString(std::string_view s, std::string* out) {
  if (FindInvalidUtf8(s)) {
    *out += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  *out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        *out += "\\u00";
        *out += kHex[c >> 4];
        *out += kHex[c & 0xF];
    }
  }
  out->append(s.data() + run, s.size() - run);
  *out += '"';
}

void AppendInt(int64_t v, std::string* out) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, end);
}

void AppendNumberOrNull(const std::optional<double>& v, std::string* out) {
  json j = NumberOrNull(v);
  if (j.is_null()) *out += "null";
  else if (j.is_number_integer()) AppendInt(j.get<int64_t>(), out);
  else *out += j.dump();  // a fraction: nlohmann's shortest round-trip form
}

void AppendStringOrNull(std::string_view s, std::string* out) {
  if (s.empty()) *out += "null";
  else AppendString(s, out);
}

}  // namespace

void AppendClaimJson(const Claim& c, std::string* out) {
  // The keys in byte order, as nlohmann's std::map-backed object dumps them.
  *out += "{\"as_of\":";
  AppendStringOrNull(c.as_of, out);
  *out += ",\"attributed_to\":";
  if (c.attributed_to) AppendString(*c.attributed_to, out);
  else *out += "null";
  *out += ",\"best\":";
  AppendNumberOrNull(c.best, out);
  *out += ",\"category\":";
  AppendString(Name(c.category), out);
  *out += ",\"cue\":";
  AppendString(c.cue, out);
  *out += ",\"document\":";
  AppendStringOrNull(c.document_sha256, out);
  *out += ",\"high\":";
  AppendNumberOrNull(c.high, out);
  if (c.id != 0) {
    *out += ",\"id\":";
    AppendInt(c.id, out);
  }
  *out += ",\"low\":";
  AppendNumberOrNull(c.low, out);
  if (!c.note.empty()) {
    *out += ",\"note\":";
    AppendString(c.note, out);
  }
  *out += ",\"origin\":";
  AppendString(c.origin, out);
  if (!c.page.empty()) {
    *out += ",\"page\":";
    AppendString(c.page, out);
  }
  *out += ",\"qualifier\":";
  AppendString(Name(c.qualifier), out);
  if (c.id != 0) {
    *out += ",\"review\":";
    AppendString(Name(c.review), out);
  }
  if (!c.review_note.empty()) {
    *out += ",\"review_note\":";
    AppendString(c.review_note, out);
  }
  if (c.role != ClaimRole::kUnspecified) {
    *out += ",\"role\":";
    AppendString(Name(c.role), out);
  }
  if (!c.rule.empty()) {
    *out += ",\"rule\":";
    AppendString(c.rule, out);
  }
  *out += ",\"scope\":";
  AppendString(c.scope, out);
  *out += ",\"sentence\":";
  AppendString(c.sentence, out);
  *out += ",\"source\":";
  AppendStringOrNull(c.source_id, out);
  *out += ",\"span\":";
  if (c.span) {
    *out += '[';
    AppendInt(c.span->start, out);
    *out += ',';
    AppendInt(c.span->end, out);
    *out += ']';
  } else {
    *out += "null";
  }
  *out += ",\"subgroup\":";
  AppendString(Name(c.subgroup), out);
  *out += ",\"unit\":";
  AppendString(Name(c.unit), out);
  *out += '}';
}

Result<Claim> ClaimFromJson(const json& j) {
  if (!j.is_object()) return Status::InvalidArgument("claim: not a JSON object");
  Claim c;
  auto str = [&](const char* k) -> std::string {
    auto it = j.find(k);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  auto num = [&](const char* k, std::optional<double>& dst) -> Status {
    auto it = j.find(k);
    if (it == j.end() || it->is_null()) return Status::OK();
    if (!it->is_number()) return Status::InvalidArgument(fmt::format("{}: not a number", k));
    dst = it->get<double>();
    return Status::OK();
  };
  if (auto it = j.find("id"); it != j.end() && it->is_number_integer()) c.id = it->get<int64_t>();
  c.scope = str("scope");
  auto cat = ParseCategory(str("category"));
  if (!cat) return Status::InvalidArgument(fmt::format("category: unknown '{}'", str("category")));
  c.category = *cat;
  auto sub = ParseSubgroup(str("subgroup"));
  if (!sub) return Status::InvalidArgument(fmt::format("subgroup: unknown '{}'", str("subgroup")));
  c.subgroup = *sub;
  auto unit = ParseUnit(str("unit"));
  if (!unit) return Status::InvalidArgument(fmt::format("unit: unknown '{}'", str("unit")));
  c.unit = *unit;
  auto q = ParseQualifier(str("qualifier"));
  if (!q) return Status::InvalidArgument(fmt::format("qualifier: unknown '{}'", str("qualifier")));
  c.qualifier = *q;
  FTF_RETURN_IF_ERROR(num("low", c.low));
  FTF_RETURN_IF_ERROR(num("best", c.best));
  FTF_RETURN_IF_ERROR(num("high", c.high));
  c.as_of = str("as_of");
  c.source_id = str("source");
  if (auto it = j.find("attributed_to"); it != j.end() && it->is_string()) c.attributed_to = it->get<std::string>();
  c.origin = str("origin");
  c.document_sha256 = str("document");
  if (auto it = j.find("span"); it != j.end() && !it->is_null()) {
    if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_integer() || !(*it)[1].is_number_integer())
      return Status::InvalidArgument("span: not [start, end]");
    c.span = Span{(*it)[0].get<int64_t>(), (*it)[1].get<int64_t>()};
  }
  c.cue = str("cue");
  c.sentence = str("sentence");
  c.page = str("page");
  c.note = str("note");
  if (auto it = j.find("review"); it != j.end() && !it->is_null()) {
    auto r = it->is_string() ? ParseReviewStatus(it->get<std::string>()) : std::nullopt;
    if (!r) return Status::InvalidArgument("review: not one of pending, accepted, rejected, corrected");
    c.review = *r;
  }
  c.review_note = str("review_note");
  c.rule = str("rule");
  auto role = ParseClaimRole(str("role"));
  if (!role) return Status::InvalidArgument(fmt::format("role: unknown '{}'", str("role")));
  c.role = *role;
  return c;
}

}  // namespace ftf
