// Bundled data layers: sets of accepted claims with their sources, bundled beside the baseline
// in data/layers/<name>/ (sources.csv, claims.csv in the import formats, and layer.json:
// {"description": …, "load_on_create": true|false}). A layer marked load_on_create is imported
// into every new database after the baseline; any layer can be imported into an existing
// database with `ftfwatch layers load NAME`. Importing a layer twice adds nothing (claims are
// de-duplicated by fingerprint).
#pragma once

#include <string>
#include <vector>

#include "ftfwatch/status.h"
#include "store/store.h"

namespace ftf {

struct LayerInfo {
  std::string name;  // the folder name under data/layers/
  std::string description;
  bool load_on_create = false;
};

// The bundled layers, by name. Fails only if a bundled manifest is broken (a build bug).
Result<std::vector<LayerInfo>> BundledLayers();

// One layer as an import batch (its claims accepted). NotFound for an unknown name.
Result<ImportBatch> BundledLayer(const std::string& name);

// Imports the named layers in one transaction each; the stats are summed.
Result<ImportStats> LoadLayers(Store& store, const std::vector<std::string>& names);

// The names of the layers a new database gets (load_on_create), in load order.
Result<std::vector<std::string>> LayersOnCreate();

// Imports the layers a new database gets (LayersOnCreate()).
Result<ImportStats> LoadLayersOnCreate(Store& store);

}  // namespace ftf
