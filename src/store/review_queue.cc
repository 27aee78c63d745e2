#include "store/review_queue.h"

#include <fmt/format.h>

namespace ftf {
namespace {

// The full sha256 of a stored document from a prefix (at least 8 hex characters).
Result<std::string> ResolveDocument(const Store& store, const std::string& prefix) {
  if (prefix.size() < 8)
    return Status::InvalidArgument(fmt::format("document: '{}' is too short (give at least 8 characters)", prefix));
  FTF_ASSIGN_OR_RETURN(std::vector<Document> docs, store.ListDocuments());
  std::string found;
  for (const Document& d : docs) {
    if (d.sha256.rfind(prefix, 0) != 0) continue;
    if (!found.empty())
      return Status::InvalidArgument(fmt::format("document: '{}' matches more than one document", prefix));
    found = d.sha256;
  }
  if (found.empty()) return Status::NotFound(fmt::format("document: no stored document {}", prefix));
  return found;
}

}  // namespace

Result<std::vector<Claim>> SelectForReview(const Store& store, const ReviewSelection& sel) {
  ClaimFilter f;
  if (!sel.ids.empty()) {
    f.ids = sel.ids;
    FTF_ASSIGN_OR_RETURN(std::vector<Claim> claims, store.ListClaims(f));
    for (int64_t id : sel.ids) {
      bool seen = false;
      for (const Claim& c : claims) seen = seen || c.id == id;
      if (!seen) return Status::NotFound(fmt::format("claim {}: no such claim", id));
    }
    return claims;
  }
  if (sel.document.empty() && sel.source.empty() && sel.rule.empty())
    return Status::InvalidArgument("give claim ids, or select by document, source or rule");
  if (!sel.document.empty()) {
    FTF_ASSIGN_OR_RETURN(std::string sha, ResolveDocument(store, sel.document));
    f.document_sha256 = sha;
  }
  if (!sel.source.empty()) {
    FTF_ASSIGN_OR_RETURN(auto src, store.FindSource(sel.source));
    if (!src) return Status::NotFound(fmt::format("source: no source with id '{}'", sel.source));
    f.source_id = sel.source;
  }
  if (!sel.rule.empty()) f.rule = sel.rule;
  f.review = {ReviewStatus::kPending};
  return store.ListClaims(f);
}

Result<std::vector<Claim>> PendingClaims(const Store& store, const ReviewSelection& sel) {
  if (sel.document.empty() && sel.source.empty() && sel.rule.empty()) {
    ClaimFilter f;
    f.review = {ReviewStatus::kPending};
    return store.ListClaims(f);
  }
  return SelectForReview(store, ReviewSelection{{}, sel.document, sel.source, sel.rule});
}

std::vector<ReviewDecision> BulkDecisions(const std::vector<Claim>& claims, ReviewAction action,
                                          const std::string& reason) {
  std::vector<ReviewDecision> out;
  out.reserve(claims.size());
  for (const Claim& c : claims) out.push_back({c.id, action, reason, std::nullopt});
  return out;
}

Result<ReviewDecision> CorrectionDecision(const Store& store, int64_t id,
                                          const std::vector<std::pair<std::string, std::string>>& changes,
                                          const std::string& reason) {
  if (changes.empty()) return Status::InvalidArgument("set: a correction needs at least one field=value");
  ClaimFilter f;
  f.ids = {id};
  FTF_ASSIGN_OR_RETURN(std::vector<Claim> found, store.ListClaims(f));
  if (found.empty()) return Status::NotFound(fmt::format("claim {}: no such claim", id));
  Claim fix = found.front();
  for (const auto& [field, value] : changes) {
    FTF_ASSIGN_OR_RETURN(fix, CorrectField(std::move(fix), field, value));
  }
  return ReviewDecision{id, ReviewAction::kCorrect, reason, fix};
}

Result<std::pair<std::string, std::string>> ParseFieldAssignment(const std::string& text) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    return Status::InvalidArgument(fmt::format("set: '{}' is not field=value", text));
  return std::make_pair(text.substr(0, eq), text.substr(eq + 1));
}

}  // namespace ftf
