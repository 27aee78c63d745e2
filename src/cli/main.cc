// ftfwatch: the command-line entry point. Subcommands register themselves (see command.h).
#include <cstdio>

#include "cli/command.h"

int main(int argc, char** argv) {
  CLI::App app{
      "ftfwatch: an open, sourced, per-country ledger of foreign terrorist fighters and returnees.\n"
      "Works with aggregate figures for countries and regions, never with named individuals.",
      "ftfwatch"};
  app.set_version_flag("--version", std::string("ftfwatch ") + FTF_VERSION);
  ftf::cli::Context ctx;
  app.add_option("--db", ctx.global.db_path,
                 "Database file (default: $FTFWATCH_DB, else ~/.local/share/ftfwatch/ftfwatch.db)")
      ->type_name("PATH");
  app.add_flag("-q,--quiet", ctx.global.quiet, "No progress or notices on stderr");
  app.require_subcommand(1);
  app.fallthrough();
  ftf::cli::SetupAll(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;  // usage error (docs/cli.md)
  }
  return ctx.exit_code;
}
