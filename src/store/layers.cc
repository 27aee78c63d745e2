#include "store/layers.h"

#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/embedded_data.h"
#include "store/baseline.h"

namespace ftf {
namespace {

constexpr std::string_view kLayersDir = "data/layers/";

}  // namespace

Result<std::vector<LayerInfo>> BundledLayers() {
  std::set<std::string> names;
  for (std::string_view path : embedded::List(kLayersDir)) {
    std::string_view rest = path.substr(kLayersDir.size());
    size_t slash = rest.find('/');
    if (slash != std::string_view::npos) names.insert(std::string(rest.substr(0, slash)));
  }
  std::vector<LayerInfo> out;
  for (const std::string& name : names) {
    LayerInfo info;
    info.name = name;
    const std::string manifest = std::string(kLayersDir) + name + "/layer.json";
    if (auto text = embedded::Find(manifest)) {
      nlohmann::json j = nlohmann::json::parse(*text, nullptr, false);
      if (j.is_discarded() || !j.is_object()) return Status::Internal(manifest + ": not a JSON object");
      if (auto it = j.find("description"); it != j.end() && it->is_string()) info.description = it->get<std::string>();
      if (auto it = j.find("load_on_create"); it != j.end() && it->is_boolean()) info.load_on_create = it->get<bool>();
    }
    out.push_back(std::move(info));
  }
  return out;
}

Result<ImportBatch> BundledLayer(const std::string& name) {
  FTF_ASSIGN_OR_RETURN(std::vector<LayerInfo> layers, BundledLayers());
  for (const LayerInfo& l : layers)
    if (l.name == name) return BundledCsvPair(std::string(kLayersDir) + name);
  std::string known;
  for (const LayerInfo& l : layers) known += (known.empty() ? "" : ", ") + l.name;
  return Status::NotFound(fmt::format("layer: no bundled layer '{}' (bundled: {})", name,
                                      known.empty() ? "none" : known));
}

Result<ImportStats> LoadLayers(Store& store, const std::vector<std::string>& names) {
  ImportStats total;
  for (const std::string& name : names) {
    FTF_ASSIGN_OR_RETURN(ImportBatch batch, BundledLayer(name));
    auto st = store.Import(batch);
    if (!st.ok()) return st.status().WithContext("layer " + name);
    total.sources_added += st->sources_added;
    total.documents_added += st->documents_added;
    total.claims_added += st->claims_added;
    total.claims_skipped += st->claims_skipped;
  }
  return total;
}

Result<std::vector<std::string>> LayersOnCreate() {
  FTF_ASSIGN_OR_RETURN(std::vector<LayerInfo> layers, BundledLayers());
  std::vector<std::string> names;
  for (const LayerInfo& l : layers)
    if (l.load_on_create) names.push_back(l.name);
  return names;
}

Result<ImportStats> LoadLayersOnCreate(Store& store) {
  FTF_ASSIGN_OR_RETURN(std::vector<std::string> names, LayersOnCreate());
  return LoadLayers(store, names);
}

}  // namespace ftf
