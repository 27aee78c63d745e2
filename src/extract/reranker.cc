#include "extract/reranker.h"

#include <cmath>

namespace ftf::extract {

double Reranker::Score(const std::vector<std::string>& features) const {
  double z = bias_;
  for (const std::string& f : features)
    if (auto it = weights_.find(f); it != weights_.end()) z += it->second;
  return 1.0 / (1.0 + std::exp(-z));
}

double Reranker::Weight(std::string_view feature) const {
  auto it = weights_.find(std::string(feature));
  return it == weights_.end() ? 0.0 : it->second;
}

}  // namespace ftf::extract
