// Reranker: the learned claim re-ranker (issue 10, item 3). A logistic model over the named
// features of a claim (claim_features.h) scores how likely the rules' claim is right; claims
// scoring below the table's threshold are dropped. The weights are data: data/rules/reranker.tsv,
// trained by tools/train_reranker.py on the tuning part only, loaded with the other rule tables
// and versioned with them. An absent or empty table re-ranks nothing.
//
// score = 1 / (1 + exp(-(bias + sum of the weights of the claim's features))); a feature the
// table does not list weighs 0. Immutable after loading; safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ftf::extract {

class Reranker {
 public:
  // Table rows (rules.cc reads the TSV): a feature's weight, the bias, the drop threshold.
  void SetWeight(std::string feature, double weight) { weights_[std::move(feature)] = weight; }
  void SetBias(double bias) {
    bias_ = bias;
    loaded_ = true;
  }
  void SetThreshold(double threshold) {
    threshold_ = threshold;
    loaded_ = true;
  }

  // True when the table gives no model (absent, or no bias and no weights): nothing is dropped.
  bool empty() const { return !loaded_ && weights_.empty(); }
  // The probability that a claim with these features is right, in (0, 1).
  double Score(const std::vector<std::string>& features) const;
  // The weight of one feature (0 when the table does not list it), for --explain.
  double Weight(std::string_view feature) const;
  double bias() const { return bias_; }
  double threshold() const { return threshold_; }
  // Whether a claim of this score is kept: always, with an empty table.
  bool Keeps(double score) const { return empty() || score >= threshold_; }

 private:
  std::unordered_map<std::string, double> weights_;
  double bias_ = 0, threshold_ = 0;
  bool loaded_ = false;
};

}  // namespace ftf::extract
