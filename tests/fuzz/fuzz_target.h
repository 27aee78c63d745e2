// FTF_FUZZ_TARGET(name) { ... }: one fuzz target, written once and built two ways.
//
// - With libFuzzer (FTF_FUZZ=ON, clang): each target file is its own binary and the body
//   becomes LLVMFuzzerTestOneInput.
// - In the normal build (any compiler): every target registers itself with the replay driver
//   (replay_main.cc), which feeds it each file of the target's seed corpus and of its kept
//   regression inputs, so CTest runs every crash ever found without libFuzzer.
//
// The body receives the input as `data` (std::string_view) and returns nothing. A violated
// property calls FTF_FUZZ_CHECK, which prints what failed and aborts: libFuzzer then keeps the
// input as a crash, and the replay test fails.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace ftf::fuzz {

using TargetFn = void (*)(std::string_view data);

// Registers a target for the replay driver; returns true so it can initialise a static.
bool Register(const char* name, TargetFn fn);

}  // namespace ftf::fuzz

#define FTF_FUZZ_CHECK(cond)                                                                \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      std::fprintf(stderr, "%s:%d: fuzz property failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                         \
    }                                                                                       \
  } while (0)

#ifdef FTF_LIBFUZZER
#define FTF_FUZZ_TARGET(name)                                                           \
  static void FtfFuzzTarget_##name(std::string_view data);                              \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {            \
    FtfFuzzTarget_##name(std::string_view(reinterpret_cast<const char*>(bytes), size)); \
    return 0;                                                                           \
  }                                                                                     \
  static void FtfFuzzTarget_##name(std::string_view data)
#else
#define FTF_FUZZ_TARGET(name)                                                                                          \
  static void FtfFuzzTarget_##name(std::string_view data);                                                             \
  [[maybe_unused]] static const bool ftf_fuzz_registered_##name = ::ftf::fuzz::Register(#name, &FtfFuzzTarget_##name); \
  static void FtfFuzzTarget_##name(std::string_view data)
#endif
