#include "cli/command.h"

#include <algorithm>
#include <vector>

#include <fmt/core.h>

#include "store/open.h"

namespace ftf::cli {
namespace {

struct Entry {
  int order;
  SetupFn fn;
};

std::vector<Entry>& Registry() {
  static std::vector<Entry> registry;
  return registry;
}

}  // namespace

CommandRegistration::CommandRegistration(int order, SetupFn fn) { Registry().push_back({order, fn}); }

void SetupAll(CLI::App& app, Context& ctx) {
  auto& reg = Registry();
  std::stable_sort(reg.begin(), reg.end(), [](const Entry& a, const Entry& b) { return a.order < b.order; });
  for (const Entry& e : reg) e.fn(app, ctx);
}

int Report(const Status& status) {
  if (status.ok()) return 0;
  fmt::print(stderr, "ftfwatch: {}\n", status.message());
  return ExitCodeFor(status);
}

Result<std::unique_ptr<Store>> OpenStore(const Context& ctx) {
  StoreOptions opts;
  opts.path = ResolveDatabasePath(ctx.global.db_path);
  opts.notices = !ctx.global.quiet;
  return OpenStore(opts);
}

}  // namespace ftf::cli
