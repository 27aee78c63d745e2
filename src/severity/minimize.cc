#include "severity/minimize.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

#include <boost/math/tools/minima.hpp>

namespace ftf::severity {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double Safe(double v) { return std::isnan(v) ? kInf : v; }

MinimizeResult OneRun(const std::function<double(const std::vector<double>&)>& f, const std::vector<double>& x0,
                      const std::vector<double>& step, double ftol, int budget) {
  const size_t d = x0.size();
  std::vector<std::vector<double>> p(d + 1, x0);
  std::vector<double> fv(d + 1);
  int evals = 0;
  auto eval = [&](const std::vector<double>& x) {
    ++evals;
    return Safe(f(x));
  };
  for (size_t i = 0; i < d; ++i) p[i + 1][i] += step[i];
  for (size_t i = 0; i <= d; ++i) fv[i] = eval(p[i]);
  std::vector<size_t> order(d + 1);
  std::vector<double> centroid(d), xr(d), xe(d), xc(d);
  while (evals < budget) {
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return fv[a] < fv[b]; });
    const size_t best = order[0], worst = order[d], second = order[d - 1];
    if (std::isfinite(fv[worst]) &&
        std::fabs(fv[worst] - fv[best]) <= ftol * (std::fabs(fv[best]) + std::fabs(fv[worst])) + 1e-300) {
      break;
    }
    std::fill(centroid.begin(), centroid.end(), 0.0);
    for (size_t i = 0; i <= d; ++i) {
      if (i == worst) continue;
      for (size_t k = 0; k < d; ++k) centroid[k] += p[i][k] / static_cast<double>(d);
    }
    for (size_t k = 0; k < d; ++k) xr[k] = centroid[k] + (centroid[k] - p[worst][k]);
    const double fr = eval(xr);
    if (fr < fv[best]) {
      for (size_t k = 0; k < d; ++k) xe[k] = centroid[k] + 2.0 * (centroid[k] - p[worst][k]);
      const double fe = eval(xe);
      if (fe < fr) {
        p[worst] = xe;
        fv[worst] = fe;
      } else {
        p[worst] = xr;
        fv[worst] = fr;
      }
      continue;
    }
    if (fr < fv[second]) {
      p[worst] = xr;
      fv[worst] = fr;
      continue;
    }
    const bool outside = fr < fv[worst];
    for (size_t k = 0; k < d; ++k) {
      xc[k] = outside ? centroid[k] + 0.5 * (xr[k] - centroid[k]) : centroid[k] + 0.5 * (p[worst][k] - centroid[k]);
    }
    const double fc = eval(xc);
    if (fc < (outside ? fr : fv[worst])) {
      p[worst] = xc;
      fv[worst] = fc;
      continue;
    }
    for (size_t i = 0; i <= d; ++i) {
      if (i == best) continue;
      for (size_t k = 0; k < d; ++k) p[i][k] = p[best][k] + 0.5 * (p[i][k] - p[best][k]);
      fv[i] = eval(p[i]);
    }
  }
  const size_t best = static_cast<size_t>(std::min_element(fv.begin(), fv.end()) - fv.begin());
  return {p[best], fv[best], evals};
}

}  // namespace

MinimizeResult NelderMead(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x0,
                          std::vector<double> step, double ftol, int max_evaluations) {
  MinimizeResult best{x0, Safe(f(x0)), 1};
  for (int restart = 0; restart < 50 && best.evaluations < max_evaluations; ++restart) {
    MinimizeResult r = OneRun(f, best.x, step, ftol, max_evaluations - best.evaluations);
    const int total = best.evaluations + r.evaluations;
    const bool improved = r.value < best.value - ftol * (std::fabs(best.value) + 1e-300);
    if (r.value < best.value) {
      // Next restart with a simplex scaled to how far this run moved.
      for (size_t k = 0; k < step.size(); ++k) {
        const double moved = std::fabs(r.x[k] - best.x[k]);
        step[k] = std::max(moved, 1e-4 * (std::fabs(r.x[k]) + 1e-3));
      }
      best = r;
    } else {
      for (double& s : step) s *= 0.1;
    }
    best.evaluations = total;
    if (!improved && restart > 1) break;
  }
  return best;
}

ScalarResult MinimizeScalar(const std::function<double(double)>& f, double lo, double hi) {
  std::uintmax_t iters = 500;
  auto r = boost::math::tools::brent_find_minima([&](double x) { return Safe(f(x)); }, lo, hi, 52, iters);
  return {r.first, r.second};
}

}  // namespace ftf::severity
