// ftfwatch layers: the bundled data layers (data/layers/<name>/), and `layers load NAME...` to
// import them into an existing database (a new one gets those marked load_on_create).
// Importing a layer twice adds nothing.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/command.h"
#include "cli/options.h"
#include "store/layers.h"
#include "store/store.h"

namespace ftf::cli {
namespace {

struct LayersOptions {
  std::vector<std::string> names;
  bool all = false;
};

Status List() {
  FTF_ASSIGN_OR_RETURN(std::vector<LayerInfo> layers, BundledLayers());
  Table t({"Layer", "Sources", "Claims", "On create", "Description"},
          {Align::kLeft, Align::kRight, Align::kRight, Align::kLeft, Align::kLeft});
  for (const LayerInfo& l : layers) {
    FTF_ASSIGN_OR_RETURN(ImportBatch b, BundledLayer(l.name));
    t.AddRow({l.name, std::to_string(b.sources.size()), std::to_string(b.claims.size()),
              l.load_on_create ? "yes" : "no", l.description});
  }
  return WriteOutput("", t.RenderText(120));
}

Status Load(const LayersOptions& o, const Context& ctx) {
  std::vector<std::string> names = o.names;
  if (o.all) {
    FTF_ASSIGN_OR_RETURN(std::vector<LayerInfo> layers, BundledLayers());
    for (const LayerInfo& l : layers) names.push_back(l.name);
  }
  if (names.empty()) return Status::InvalidArgument("layers load: name a layer (see `ftfwatch layers`) or --all");
  FTF_ASSIGN_OR_RETURN(auto store, OpenStore(ctx));
  FTF_ASSIGN_OR_RETURN(ImportStats st, LoadLayers(*store, names));
  if (!ctx.global.quiet)
    fmt::print(stderr, "loaded {}: {} new sources, {} new claims ({} already stored)\n", fmt::join(names, ", "),
               st.sources_added, st.claims_added, st.claims_skipped);
  return Status::OK();
}

void Setup(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<LayersOptions>();
  CLI::App* cmd = app.add_subcommand("layers", "Bundled data layers beside the baseline; `layers load NAME` imports one");
  cmd->require_subcommand(0, 1);
  CLI::App* load = cmd->add_subcommand("load", "Import bundled layers into the database (idempotent)");
  load->add_option("names", o->names, "Layer names (see `ftfwatch layers`)");
  load->add_flag("--all", o->all, "Every bundled layer");
  load->callback([o, &ctx] { ctx.exit_code = Report(Load(*o, ctx)); });
  cmd->callback([cmd, &ctx] {
    if (cmd->get_subcommands().empty()) ctx.exit_code = Report(List());
  });
}

FTF_REGISTER_COMMAND(14, Setup);

}  // namespace
}  // namespace ftf::cli
