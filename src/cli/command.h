// The command registry: each subcommand lives in its own src/cli/cmd_<name>.cc, builds its
// options and callback in a setup function, and registers it with FTF_REGISTER_COMMAND.
// Entry points stay thin: parse, call a stage, format.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "ftfwatch/status.h"

namespace ftf {
class Store;
}

namespace ftf::cli {

// Options shared by every command.
struct GlobalOptions {
  std::string db_path;  // --db; empty means FTFWATCH_DB, else the default location
  bool quiet = false;   // --quiet: no progress or notices on stderr
};

struct Context {
  GlobalOptions global;
  int exit_code = 0;  // set by the command that ran; main returns it
};

using SetupFn = void (*)(CLI::App& app, Context& ctx);

struct CommandRegistration {
  // `order` fixes where the command appears in --help (lower first).
  CommandRegistration(int order, SetupFn fn);
};

// Calls every registered setup function in order.
void SetupAll(CLI::App& app, Context& ctx);

// Prints "ftfwatch: <message>" to stderr and returns the exit code for `status`.
int Report(const Status& status);

// Opens (creating and seeding if new) the database named by the global options.
Result<std::unique_ptr<Store>> OpenStore(const Context& ctx);

}  // namespace ftf::cli

#define FTF_REGISTER_COMMAND(order, fn) \
  static const ::ftf::cli::CommandRegistration FTF_CONCAT_(ftf_command_, __LINE__)(order, fn)
