#include "severity/power_law_fit.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include <fmt/format.h>

#include "severity/hurwitz_zeta.h"

namespace ftf::severity {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Gaps up to this many integers between distinct values are summed term by term when
// walking the zeta function down the tail; longer gaps get a fresh Euler–Maclaurin value.
constexpr double kMaxSummedGap = 8;

struct Candidate {
  double alpha = kNaN;
  double ks = kInf;
  double var_log = kNaN;
};

Candidate EvaluateCandidate(const SortedSample& s, size_t i, double xmin, bool discrete) {
  Candidate c;
  const double n = s.suffix_n(i);
  if (discrete) {
    c.alpha = DiscreteAlphaMle(n, s.suffix_log(i) / n, xmin, &c.var_log);
    if (std::isfinite(c.alpha)) c.ks = DiscreteKs(s, i, xmin, c.alpha);
  } else {
    const double denom = s.suffix_log(i) - n * std::log(xmin);
    c.alpha = denom > 0 ? 1.0 + n / denom : kInf;
    if (std::isfinite(c.alpha)) c.ks = ContinuousKs(s, i, xmin, c.alpha);
  }
  if (!std::isfinite(c.ks)) c.ks = kInf;
  return c;
}

}  // namespace

double DiscreteAlphaMle(double n, double mean_log, double xmin, double* var_log) {
  if (var_log) *var_log = kNaN;
  if (!(n > 0) || !(xmin >= 1) || !std::isfinite(mean_log)) return kNaN;
  const double log_xmin = std::log(xmin);
  if (mean_log <= log_xmin + 1e-15) return kInf;
  // The score g(s) = E_s[ln X] - mean_log falls monotonically in s (its slope is
  // -Var_s[ln X]), from +inf at s -> 1 to ln xmin - mean_log < 0 as s -> inf: one root.
  // Newton steps, kept inside the bracket [lo, hi] that the signs of g establish.
  double lo = 1.0, hi = kInf;
  double s = 1.0 + 1.0 / (mean_log - std::log(xmin - 0.5));  // continuous approximation
  if (!(s > 1.0) || !std::isfinite(s)) s = 2.0;
  double var = kNaN;
  for (int iter = 0; iter < 200; ++iter) {
    const ZetaJet z = HurwitzZetaJet(s, xmin);
    const double e = -z.d1 / z.value;
    var = z.d2 / z.value - e * e;
    const double g = e - mean_log;
    if (g > 0) lo = s; else hi = s;
    double next = s + g / var;
    if (!(next > lo && next < hi) || !std::isfinite(next)) {
      next = std::isfinite(hi) ? 0.5 * (lo + hi) : 2.0 * s;
    }
    const double step = std::fabs(next - s);
    s = next;
    if (step <= 1e-14 * s) break;
  }
  if (var_log) {
    const ZetaJet z = HurwitzZetaJet(s, xmin);
    const double e = -z.d1 / z.value;
    *var_log = z.d2 / z.value - e * e;
  }
  return s;
}

double DiscreteKs(const SortedSample& sample, size_t i0, double xmin, double alpha) {
  const auto& u = sample.values();
  const auto& lu = sample.log_values();
  const size_t top = u.size() - 1;
  const double n_tail = sample.suffix_n(i0);
  const double z0 = HurwitzZeta(alpha, xmin);
  // Walk down from the largest value. At step j, z_next = ζ(α, u_j + 1) and z_upper =
  // ζ(α, u_{j+1}); the fitted CDF is F(k) = 1 - ζ(α, k+1)/z0 and the data CDF is constant
  // at D_j on [u_j, u_{j+1} - 1], so the largest gap on that stretch is at one of its ends.
  double z_next = HurwitzZeta(alpha, u[top] + 1.0);
  double z_upper = kNaN;
  double ks = 0.0;
  for (size_t j = top;; --j) {
    const double d = 1.0 - sample.suffix_n(j + 1) / n_tail;
    ks = std::max(ks, std::fabs(d - (1.0 - z_next / z0)));
    if (j < top) ks = std::max(ks, std::fabs(d - (1.0 - z_upper / z0)));
    const double z_here = z_next + std::exp(-alpha * lu[j]);  // ζ(α, u_j)
    if (j == i0) {
      // Below the smallest tail value the data CDF is 0; F is largest at u_i0 - 1.
      if (u[i0] > xmin) ks = std::max(ks, 1.0 - z_here / z0);
      break;
    }
    const double gap = u[j] - u[j - 1] - 1.0;
    if (gap <= 0) {
      z_next = z_here;
    } else if (gap <= kMaxSummedGap) {
      double sum = z_here;
      for (double k = u[j - 1] + 1.0; k < u[j]; k += 1.0) sum += std::pow(k, -alpha);
      z_next = sum;
    } else {
      z_next = HurwitzZeta(alpha, u[j - 1] + 1.0);
    }
    z_upper = z_here;
  }
  return ks;
}

double ContinuousKs(const SortedSample& sample, size_t i0, double xmin, double alpha) {
  const auto& c = sample.counts();
  const auto& lu = sample.log_values();
  const double n = sample.suffix_n(i0);
  const double inv_n = 1.0 / n;
  const double lx0 = std::log(xmin);
  const double a1 = alpha - 1.0;
  double before = 0.0;  // values of the tail below the current one
  double ks = 0.0;
  for (size_t j = i0; j < lu.size(); ++j) {
    const double f = -std::expm1(a1 * (lx0 - lu[j]));  // 1 - (xmin/x)^(α-1)
    // The tied block occupies empirical positions before .. before + c_j - 1.
    ks = std::max(ks, std::fabs(before * inv_n - f));
    ks = std::max(ks, std::fabs((before + c[j] - 1.0) * inv_n - f));
    before += c[j];
  }
  return ks;
}

double PowerLawLogP(const PowerLawFit& fit, double x) { return fit.log_c - fit.alpha * std::log(x); }

Result<PowerLawFit> FitPowerLaw(const SortedSample& sample, const PowerLawOptions& options) {
  const size_t u = sample.distinct();
  if (u < 3) {
    return Status::InvalidArgument(fmt::format(
        "only {} distinct positive value{}; a power-law fit needs at least 3", u, u == 1 ? "" : "s"));
  }
  if (options.discrete) {
    if (sample.values()[0] < 1 || !sample.AllIntegers()) {
      return Status::InvalidArgument("a discrete fit needs whole numbers >= 1 (use --continuous)");
    }
  }
  // Candidates: all distinct values but the largest two, up to max_xmin.
  size_t n_cand = u - 2;
  size_t first = 0;
  if (options.fixed_xmin) {
    const double x = *options.fixed_xmin;
    const size_t i = sample.LowerBound(x);
    if (!(x > 0) || i >= u - 2) {
      return Status::InvalidArgument(
          fmt::format("xmin {} leaves fewer than 3 distinct values in the tail", x));
    }
    if (options.discrete && (x != std::floor(x) || x < 1)) {
      return Status::InvalidArgument(fmt::format("xmin {}: a discrete fit needs a whole number >= 1", x));
    }
    first = i;
    n_cand = i + 1;
  } else {
    while (n_cand > 0 && sample.values()[n_cand - 1] > options.max_xmin) --n_cand;
    if (n_cand == 0) {
      return Status::InvalidArgument(
          fmt::format("no candidate xmin at or below {}", options.max_xmin));
    }
  }
  const size_t count = n_cand - first;
  std::vector<Candidate> results(count);
  const int threads = std::max(1, std::min<int>(options.threads, static_cast<int>(count / 16 + 1)));
  auto work = [&](size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) {
      const size_t i = first + k;
      const double xmin = options.fixed_xmin ? *options.fixed_xmin : sample.values()[i];
      results[k] = EvaluateCandidate(sample, i, xmin, options.discrete);
    }
  };
  if (threads == 1) {
    work(0, count);
  } else {
    // Interleaved blocks balance the work: low candidates have long tails and cost more.
    std::vector<std::thread> pool;
    constexpr size_t kBlock = 8;
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        for (size_t b = static_cast<size_t>(t) * kBlock; b < count; b += static_cast<size_t>(threads) * kBlock) {
          work(b, std::min(count, b + kBlock));
        }
      });
    }
    for (auto& th : pool) th.join();
  }
  size_t best = 0;
  for (size_t k = 1; k < count; ++k) {
    if (results[k].ks < results[best].ks) best = k;
  }
  const Candidate& c = results[best];
  if (!std::isfinite(c.ks) || !std::isfinite(c.alpha)) {
    return Status::InvalidArgument("no xmin gives a finite power-law fit");
  }
  PowerLawFit fit;
  fit.discrete = options.discrete;
  fit.xmin_index = first + best;
  fit.xmin = options.fixed_xmin ? *options.fixed_xmin : sample.values()[fit.xmin_index];
  fit.alpha = c.alpha;
  fit.ks = c.ks;
  fit.n = sample.total();
  fit.n_tail = sample.suffix_n(fit.xmin_index);
  fit.candidates = count;
  const double sum_log = sample.suffix_log(fit.xmin_index);
  if (options.discrete) {
    fit.sigma_alpha = 1.0 / std::sqrt(fit.n_tail * c.var_log);
    fit.log_c = -std::log(HurwitzZeta(fit.alpha, fit.xmin));
  } else {
    fit.sigma_alpha = (fit.alpha - 1.0) / std::sqrt(fit.n_tail);
    fit.log_c = std::log(fit.alpha - 1.0) + (fit.alpha - 1.0) * std::log(fit.xmin);
  }
  fit.log_likelihood = fit.n_tail * fit.log_c - fit.alpha * sum_log;
  return fit;
}

}  // namespace ftf::severity
