// Fuzz target: the whole text extractor through its public API (ClaimExtractor::Extract).
// Properties: no crash or hang; every claim's span lies inside the text and has the shape
// the store accepts (ValidateClaimShape), so nothing extracted can be refused on ingest.
#include "extract/claim_extractor.h"
#include "fuzz_target.h"

FTF_FUZZ_TARGET(extractor) {
  static const ftf::extract::ClaimExtractor extractor;
  ftf::extract::ExtractOptions opts;
  opts.as_of = "2017-10-24";
  opts.source_id = "fuzz";
  ftf::extract::Extraction ex = extractor.Extract(data, opts);
  if (ex.invalid_utf8_offset) FTF_FUZZ_CHECK(*ex.invalid_utf8_offset < data.size());
  for (const ftf::Claim& c : ex.claims) {
    if (c.span)
      FTF_FUZZ_CHECK(c.span->start >= 0 && c.span->start <= c.span->end &&
                     static_cast<size_t>(c.span->end) <= data.size());
    FTF_FUZZ_CHECK(ftf::ValidateClaimShape(c).ok());
  }
}
