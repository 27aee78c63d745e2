// Fuzz target: the fusion config (JSON, data/config/fusion.json). Property: no crash or
// exception; an error names the file.
#include "fuse/fusion_config.h"
#include "fuzz_target.h"

FTF_FUZZ_TARGET(fusion_config) {
  auto c = ftf::ParseFusionConfig(data, "fuzz.json");
  if (!c.ok()) FTF_FUZZ_CHECK(c.status().message().find("fuzz.json") != std::string::npos);
}
