#include "severity/alternatives.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <fmt/format.h>

#include "severity/hurwitz_zeta.h"
#include "severity/minimize.h"

namespace ftf::severity {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kLogSqrt2Pi = 0.91893853320467274178;

// B_2j / (2j)! for j = 1..8 (as in hurwitz_zeta.cc).
constexpr double kBernoulliOverFactorial[8] = {
    1.0 / 6.0 / 2.0,          -1.0 / 30.0 / 24.0,         1.0 / 42.0 / 720.0,
    -1.0 / 30.0 / 40320.0,    5.0 / 66.0 / 3628800.0,     -691.0 / 2730.0 / 479001600.0,
    7.0 / 6.0 / 87178291200.0, -3617.0 / 510.0 / 20922789888000.0,
};

double WeightedSum(const std::vector<double>& w, const std::vector<double>& v) {
  double s = 0;
  for (size_t i = 0; i < w.size(); ++i) s += w[i] * v[i];
  return s;
}

// log(exp(a) - exp(b)) for a > b.
double LogDiff(double a, double b) { return a + std::log(-std::expm1(b - a)); }

// --- lognormal ------------------------------------------------------------------------------

struct LognormalParams {
  double mu, sigma;
};

// Natural parameters (η1, η2) = (μ/σ², 1/(2σ²)); η2 > 0.
LognormalParams FromNatural(double eta1, double eta2) { return {eta1 / (2.0 * eta2), 1.0 / std::sqrt(2.0 * eta2)}; }

std::vector<double> LognormalLogPs(const Tail& t, LognormalParams p) {
  std::vector<double> out(t.x.size());
  if (t.discrete) {
    const double l0 = LogNormalSurvival((std::log(t.xmin - 0.5) - p.mu) / p.sigma);
    for (size_t i = 0; i < t.x.size(); ++i) {
      const double l1 = LogNormalSurvival((std::log(t.x[i] - 0.5) - p.mu) / p.sigma);
      const double l2 = LogNormalSurvival((std::log(t.x[i] + 0.5) - p.mu) / p.sigma);
      out[i] = LogDiff(l1, l2) - l0;
    }
  } else {
    const double l0 = LogNormalSurvival((std::log(t.xmin) - p.mu) / p.sigma);
    for (size_t i = 0; i < t.x.size(); ++i) {
      const double z = (t.log_x[i] - p.mu) / p.sigma;
      out[i] = -t.log_x[i] - std::log(p.sigma) - kLogSqrt2Pi - 0.5 * z * z - l0;
    }
  }
  return out;
}

AlternativeFit FitLognormal(const Tail& t) {
  const double m1 = WeightedSum(t.count, t.log_x) / t.n;
  double var = 0;
  for (size_t i = 0; i < t.x.size(); ++i) var += t.count[i] * (t.log_x[i] - m1) * (t.log_x[i] - m1);
  var /= t.n;
  if (!(var > 1e-6)) var = 1.0;
  auto nll = [&](const std::vector<double>& e) {
    if (!(e[1] > 0)) return kInf;
    const auto lp = LognormalLogPs(t, FromNatural(e[0], e[1]));
    const double ll = WeightedSum(t.count, lp);
    return std::isfinite(ll) ? -ll : kInf;
  };
  const std::vector<double> x0 = {m1 / var, 0.5 / var};
  const std::vector<double> step = {0.2 * std::fabs(x0[0]) + 0.1, 0.5 * x0[1]};
  MinimizeResult r = NelderMead(nll, x0, step);
  AlternativeFit f;
  f.kind = Alternative::kLognormal;
  const LognormalParams p = FromNatural(r.x[0], r.x[1]);
  f.params = {{"mu", p.mu}, {"sigma", p.sigma}};
  // σ far beyond the tail's log-range: the density is x^(μ/σ² - 1) to within rounding.
  const double log_range = t.log_x.back() - std::log(t.xmin) + 1.0;
  f.power_law_limit = p.sigma > 100.0 * log_range;
  f.log_p = LognormalLogPs(t, p);
  f.log_likelihood = WeightedSum(t.count, f.log_p);
  return f;
}

// --- exponential ----------------------------------------------------------------------------

AlternativeFit FitExponential(const Tail& t) {
  const double excess = WeightedSum(t.count, t.x) / t.n - t.xmin;  // mean of x - xmin
  AlternativeFit f;
  f.kind = Alternative::kExponential;
  double lambda;
  f.log_p.resize(t.x.size());
  if (t.discrete) {
    // Geometric on xmin, xmin+1, ...: P(x) = (1 - e^-λ) e^(-λ(x - xmin)); MLE e^-λ = m/(1+m).
    lambda = std::log1p(1.0 / excess);
    const double log_norm = std::log(-std::expm1(-lambda));
    for (size_t i = 0; i < t.x.size(); ++i) f.log_p[i] = log_norm - lambda * (t.x[i] - t.xmin);
  } else {
    lambda = 1.0 / excess;
    for (size_t i = 0; i < t.x.size(); ++i) f.log_p[i] = std::log(lambda) - lambda * (t.x[i] - t.xmin);
  }
  f.params = {{"lambda", lambda}};
  f.log_likelihood = WeightedSum(t.count, f.log_p);
  return f;
}

// --- stretched exponential ------------------------------------------------------------------

// x^β - x0^β, computed without cancellation.
double PowDiff(double log_x, double log_x0, double beta) {
  return std::exp(beta * log_x0) * std::expm1(beta * (log_x - log_x0));
}

std::vector<double> StretchedLogPs(const Tail& t, double beta, double lambda) {
  std::vector<double> out(t.x.size());
  if (t.discrete) {
    const double l0 = std::log(t.xmin - 0.5);
    for (size_t i = 0; i < t.x.size(); ++i) {
      const double lm = std::log(t.x[i] - 0.5), lp = std::log(t.x[i] + 0.5);
      out[i] = -lambda * PowDiff(lm, l0, beta) + std::log(-std::expm1(-lambda * PowDiff(lp, lm, beta)));
    }
  } else {
    const double l0 = std::log(t.xmin);
    for (size_t i = 0; i < t.x.size(); ++i) {
      out[i] = std::log(beta) + std::log(lambda) + (beta - 1.0) * t.log_x[i] - lambda * PowDiff(t.log_x[i], l0, beta);
    }
  }
  return out;
}

// Continuous profile likelihood in β: λ(β) = n / Σ (x^β - xmin^β).
std::pair<double, double> ContinuousStretchedProfile(const Tail& t, double xmin) {
  const double l0 = std::log(xmin);
  const double sum_log = WeightedSum(t.count, t.log_x);
  auto lambda_of = [&](double beta) {
    double s = 0;
    for (size_t i = 0; i < t.x.size(); ++i) s += t.count[i] * PowDiff(t.log_x[i], l0, beta);
    return t.n / s;
  };
  auto nll = [&](double log_beta) {
    const double beta = std::exp(log_beta);
    const double lambda = lambda_of(beta);
    if (!(lambda > 0) || !std::isfinite(lambda)) return kInf;
    return -(t.n * std::log(beta) + t.n * std::log(lambda) + (beta - 1.0) * sum_log - t.n);
  };
  // A coarse grid first (the profile can be flat), then Brent around the best point.
  constexpr double lo = -9.0, hi = 3.0;
  constexpr int steps = 48;
  int best = 0;
  double best_v = kInf;
  for (int k = 0; k <= steps; ++k) {
    const double v = nll(lo + (hi - lo) * k / steps);
    if (v < best_v) {
      best_v = v;
      best = k;
    }
  }
  const double a = lo + (hi - lo) * std::max(0, best - 1) / steps;
  const double b = lo + (hi - lo) * std::min(steps, best + 1) / steps;
  const ScalarResult r = MinimizeScalar(nll, a, b);
  const double beta = std::exp(r.x);
  return {beta, lambda_of(beta)};
}

AlternativeFit FitStretchedExponential(const Tail& t) {
  AlternativeFit f;
  f.kind = Alternative::kStretchedExponential;
  double beta, lambda;
  if (!t.discrete) {
    std::tie(beta, lambda) = ContinuousStretchedProfile(t, t.xmin);
  } else {
    // Start from the continuous fit, then maximise the discretised likelihood.
    auto start = ContinuousStretchedProfile(t, t.xmin - 0.5);
    auto nll = [&](const std::vector<double>& v) {
      const double ll = WeightedSum(t.count, StretchedLogPs(t, std::exp(v[0]), std::exp(v[1])));
      return std::isfinite(ll) ? -ll : kInf;
    };
    MinimizeResult r = NelderMead(nll, {std::log(start.first), std::log(start.second)}, {0.2, 0.5});
    beta = std::exp(r.x[0]);
    lambda = std::exp(r.x[1]);
  }
  f.params = {{"beta", beta}, {"lambda", lambda}};
  f.power_law_limit = beta < 1e-3;
  f.log_p = StretchedLogPs(t, beta, lambda);
  f.log_likelihood = WeightedSum(t.count, f.log_p);
  return f;
}

// --- power law with exponential cut-off ------------------------------------------------------

double CutoffLogNormaliser(const Tail& t, double alpha, double lambda) {
  return t.discrete ? LogDiscreteCutoffNormaliser(alpha, lambda, t.xmin)
                    : LogContinuousCutoffNormaliser(alpha, lambda, t.xmin);
}

std::vector<double> CutoffLogPs(const Tail& t, double alpha, double lambda) {
  const double log_z = CutoffLogNormaliser(t, alpha, lambda);
  std::vector<double> out(t.x.size());
  for (size_t i = 0; i < t.x.size(); ++i) out[i] = -alpha * t.log_x[i] - lambda * t.x[i] - log_z;
  return out;
}

AlternativeFit FitPowerLawCutoff(const Tail& t, const PowerLawFit& pl) {
  const double sum_log = WeightedSum(t.count, t.log_x);
  const double sum_x = WeightedSum(t.count, t.x);
  auto nll = [&](const std::vector<double>& v) {
    const double alpha = v[0], log_lambda = v[1];
    if (alpha < -10 || alpha > 50 || log_lambda < -60 || log_lambda > 10) return kInf;
    const double lambda = std::exp(log_lambda);
    const double ll = -alpha * sum_log - lambda * sum_x - t.n * CutoffLogNormaliser(t, alpha, lambda);
    return std::isfinite(ll) ? -ll : kInf;
  };
  MinimizeResult best;
  best.value = kInf;
  for (double scaled : {1e-4, 1e-2, 1.0}) {
    MinimizeResult r = NelderMead(nll, {pl.alpha, std::log(scaled / t.xmin)}, {0.2, 1.0});
    if (r.value < best.value) best = r;
  }
  double alpha = best.x[0], lambda = std::exp(best.x[1]);
  // The power law is the λ -> 0 limit; keep it if the optimiser found nothing better.
  const double pl_ll = pl.log_likelihood;
  if (!(-best.value > pl_ll)) {
    alpha = pl.alpha;
    lambda = 0.0;
  }
  AlternativeFit f;
  f.power_law_limit = lambda == 0.0;
  f.kind = Alternative::kPowerLawCutoff;
  f.params = {{"alpha", alpha}, {"lambda", lambda}};
  f.log_p = CutoffLogPs(t, alpha, lambda);
  f.log_likelihood = WeightedSum(t.count, f.log_p);
  return f;
}

// --- Poisson --------------------------------------------------------------------------------

// ln P(X >= k0) for X ~ Poisson(μ).
double LogPoissonTail(double k0, double mu) {
  if (k0 <= 0) return 0.0;
  const double p = boost::math::gamma_p(k0, mu);
  if (p > 1e-280) return std::log(p);
  // Far in the upper tail: sum the terms in log space (they fall fast once k > μ).
  double first = k0 * std::log(mu) - mu - boost::math::lgamma(k0 + 1.0);
  double sum = 1.0, term = 1.0;
  for (double k = k0 + 1.0; k < k0 + 1e6; k += 1.0) {
    term *= mu / k;
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return first + std::log(sum);
}

AlternativeFit FitPoisson(const Tail& t) {
  std::vector<double> lgam(t.x.size());
  for (size_t i = 0; i < t.x.size(); ++i) lgam[i] = boost::math::lgamma(t.x[i] + 1.0);
  const double sum_x = WeightedSum(t.count, t.x);
  const double sum_lgam = WeightedSum(t.count, lgam);
  auto nll = [&](double log_mu) {
    const double mu = std::exp(log_mu);
    return -(sum_x * log_mu - t.n * mu - sum_lgam - t.n * LogPoissonTail(t.xmin, mu));
  };
  const double max_x = t.x.back();
  const ScalarResult r = MinimizeScalar(nll, std::log(1e-6), std::log(10.0 * max_x + 10.0));
  const double mu = std::exp(r.x);
  AlternativeFit f;
  f.kind = Alternative::kPoisson;
  f.params = {{"mu", mu}};
  f.log_p.resize(t.x.size());
  const double log_tail = LogPoissonTail(t.xmin, mu);
  for (size_t i = 0; i < t.x.size(); ++i) f.log_p[i] = t.x[i] * r.x - mu - lgam[i] - log_tail;
  f.log_likelihood = WeightedSum(t.count, f.log_p);
  return f;
}

}  // namespace

const char* AlternativeName(Alternative a) {
  switch (a) {
    case Alternative::kLognormal: return "lognormal";
    case Alternative::kExponential: return "exponential";
    case Alternative::kStretchedExponential: return "stretched_exponential";
    case Alternative::kPowerLawCutoff: return "power_law_cutoff";
    case Alternative::kPoisson: return "poisson";
  }
  return "?";
}

std::vector<Alternative> DefaultAlternatives(bool discrete) {
  std::vector<Alternative> v = {Alternative::kLognormal, Alternative::kExponential,
                                Alternative::kStretchedExponential, Alternative::kPowerLawCutoff};
  if (discrete) v.push_back(Alternative::kPoisson);
  return v;
}

Tail MakeTail(const SortedSample& sample, const PowerLawFit& fit) {
  Tail t;
  t.discrete = fit.discrete;
  t.xmin = fit.xmin;
  for (size_t i = fit.xmin_index; i < sample.distinct(); ++i) {
    t.x.push_back(sample.values()[i]);
    t.count.push_back(sample.counts()[i]);
    t.log_x.push_back(sample.log_values()[i]);
    t.n += sample.counts()[i];
  }
  return t;
}

std::vector<double> PowerLawLogPs(const PowerLawFit& fit, const Tail& tail) {
  std::vector<double> out(tail.x.size());
  for (size_t i = 0; i < tail.x.size(); ++i) out[i] = fit.log_c - fit.alpha * tail.log_x[i];
  return out;
}

Result<AlternativeFit> FitAlternative(Alternative kind, const Tail& tail) {
  if (tail.x.size() < 2) return Status::FailedPrecondition("the tail has fewer than 2 distinct values");
  switch (kind) {
    case Alternative::kLognormal: return FitLognormal(tail);
    case Alternative::kExponential: return FitExponential(tail);
    case Alternative::kStretchedExponential: return FitStretchedExponential(tail);
    case Alternative::kPoisson:
      if (!tail.discrete) return Status::FailedPrecondition("the Poisson alternative needs discrete data");
      return FitPoisson(tail);
    case Alternative::kPowerLawCutoff: break;
  }
  return Status::InvalidArgument("the cut-off power law is fitted by CompareAlternatives (it needs the power-law fit)");
}

Result<std::vector<Comparison>> CompareAlternatives(const SortedSample& sample, const PowerLawFit& fit,
                                                    const std::vector<Alternative>& kinds) {
  const Tail tail = MakeTail(sample, fit);
  const std::vector<double> pl = PowerLawLogPs(fit, tail);
  std::vector<Comparison> out;
  for (Alternative kind : kinds) {
    Comparison c;
    if (kind == Alternative::kPowerLawCutoff) {
      c.alternative = FitPowerLawCutoff(tail, fit);
      c.test = NestedTest(pl, c.alternative.log_p, tail.count);
    } else {
      FTF_ASSIGN_OR_RETURN(c.alternative, FitAlternative(kind, tail));
      c.test = VuongTest(pl, c.alternative.log_p, tail.count);
    }
    if (c.test.p < 0.1 && c.test.log_ratio > 0) {
      c.favours = "power_law";
    } else if (c.test.p < 0.1 && c.test.log_ratio < 0) {
      c.favours = "alternative";
    } else {
      c.favours = "neither";
    }
    out.push_back(std::move(c));
  }
  return out;
}

double LogNormalSurvival(double z) {
  constexpr double kInvSqrt2 = 0.70710678118654752440;
  if (z < 0) return std::log1p(-0.5 * std::erfc(-z * kInvSqrt2));
  if (z < 37.0) return std::log(0.5 * std::erfc(z * kInvSqrt2));
  // Mills ratio asymptotics: S(z) = φ(z)/z (1 - 1/z² + 3/z⁴ - 15/z⁶ + ...).
  const double z2 = z * z;
  return -0.5 * z2 - std::log(z) - kLogSqrt2Pi + std::log1p(-1.0 / z2 + 3.0 / (z2 * z2) - 15.0 / (z2 * z2 * z2));
}

double LogContinuousCutoffNormaliser(double alpha, double lambda, double xmin) {
  const double log_xmin = std::log(xmin);
  if (lambda == 0.0) return alpha > 1.0 ? (1.0 - alpha) * log_xmin - std::log(alpha - 1.0) : kNaN;
  // x = xmin e^t: ∫ = xmin^(1-α) e^(-λ xmin) ∫_0^∞ exp((1-α) t - λ xmin (e^t - 1)) dt.
  const double z = lambda * xmin;
  auto g = [&](double u) { return std::exp((1.0 - alpha) * u - z * std::expm1(u)); };
  static thread_local boost::math::quadrature::exp_sinh<double> integrator;
  double integral;
  try {
    integral = integrator.integrate(g, 0.0, std::numeric_limits<double>::infinity(), 1e-13);
  } catch (const std::exception&) {
    return kNaN;  // Boost signals non-convergence by exception; report it as a NaN value
  }
  return (1.0 - alpha) * log_xmin - z + std::log(integral);
}

double LogDiscreteCutoffNormaliser(double alpha, double lambda, double xmin) {
  if (lambda == 0.0) return alpha > 1.0 ? std::log(HurwitzZeta(alpha, xmin)) : kNaN;
  // Everything is scaled by f(xmin) = xmin^-α e^(-λ xmin) to stay in range.
  const double log_f0 = -alpha * std::log(xmin) - lambda * xmin;
  auto ratio = [&](double k) { return std::exp(-alpha * std::log(k) - lambda * k - log_f0); };
  double sum = 0.0;
  if (lambda >= 1.0) {
    // Fast geometric decay: sum directly past the peak until the terms vanish.
    const double peak = std::max(xmin, -alpha / lambda);
    for (double k = xmin; k < xmin + 1e7; k += 1.0) {
      const double term = ratio(k);
      sum += term;
      if (k > peak && term < 1e-17 * sum) break;
    }
    return log_f0 + std::log(sum);
  }
  const double b = std::max(xmin, std::ceil(30.0 + std::fabs(alpha)));
  for (double k = xmin; k < b; k += 1.0) sum += ratio(k);
  // Euler–Maclaurin from b: ∫_b^∞ f + f(b)/2 - Σ B_2j/(2j)! f^(2j-1)(b), with
  // f^(m)(b)/f(b) = Σ_i C(m,i) (-1)^i (α)_i b^-i (-λ)^(m-i)   (Leibniz).
  const double fb = ratio(b);
  double tail = std::exp(LogContinuousCutoffNormaliser(alpha, lambda, b) - log_f0) + 0.5 * fb;
  for (int j = 1; j <= 8; ++j) {
    const int m = 2 * j - 1;
    double deriv = 0.0;
    double binom = 1.0, rising = 1.0;  // C(m,i), (α)_i
    for (int i = 0; i <= m; ++i) {
      const double term = binom * ((i % 2) ? -1.0 : 1.0) * rising * std::pow(b, -i) * std::pow(-lambda, m - i);
      deriv += term;
      binom = binom * (m - i) / (i + 1);
      rising *= alpha + i;
    }
    tail -= kBernoulliOverFactorial[j - 1] * deriv * fb;
  }
  return log_f0 + std::log(sum + tail);
}

}  // namespace ftf::severity
