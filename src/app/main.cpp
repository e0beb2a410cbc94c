// main.cpp — command line (CLI11) and hand-off to the app.
#include "app/app.hpp"
#include "app/cli_export.hpp"
#include "app/cli_file.hpp"
#include "app/cli_merge.hpp"
#include "app/cli_protect.hpp"
#include "app/cli_review.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#ifndef HORIZONS_VERSION
#define HORIZONS_VERSION "dev"
#endif

namespace {

constexpr int kUsageError = 2;

} // namespace

int main(int argc, char** argv) {
    horizons::app::Options opt;
    std::string size;

    CLI::App cli{"Horizons: plan your career across time horizons, with the people you trust.",
                 "horizons"};
    cli.set_version_flag("--version", std::string("horizons ") + HORIZONS_VERSION);
    cli.add_option("FILE", opt.file, "Board file to open (default: your default board)")
        ->type_name("FILE");
    cli.add_option("--screenshot", opt.screenshot,
                   "Draw a few frames, write the window to a PNG file, and exit")
        ->type_name("OUT.png");
    cli.add_option("--size", size, "Window size in pixels, e.g. 1600x1000")->type_name("WxH");
    cli.add_option("--frames", opt.frames, "Frames to draw before --screenshot (default 5)")
        ->type_name("N")
        ->check(CLI::Range(1, 1000));
    cli.add_option("--layout-dump", opt.layoutDump,
                   "After every drawn frame append one JSON line with the frame number, time "
                   "and the rectangles of all visible interactive items")
        ->type_name("OUT.jsonl");

    cli.add_option("--panels", opt.panels,
                   "Show exactly these panels, comma separated: board, map, inspector, coach, "
                   "history, prep, minimap (e.g. for --screenshot, which ignores your settings)")
        ->type_name("LIST")
        ->check([](const std::string& v) {
            return horizons::app::validPanelList(v) ? std::string()
                                                    : std::string("unknown panel in " + v);
        });
    cli.add_option("--only", opt.only, "Show one view alone (used by export --format png)")
        ->check(CLI::IsMember({"board", "map"}))
        ->group(""); // hidden
    cli.add_flag("--board-stdin", opt.boardFromStdin,
                 "With --screenshot: read the board file from stdin (export --format png)")
        ->group(""); // hidden
    cli.add_option("--frame-delay-ms", opt.frameDelayMs,
                   "Sleep this long in every frame (tests: a slow machine)")
        ->check(CLI::Range(0, 5000))
        ->group("");
    cli.add_flag("--damage-check", opt.damageCheck,
                 "Test hook: check every partial repaint against a whole one")
        ->group("");                     // hidden
    horizons::app::CliCommands commands; // export, snapshot, diff, agenda (cli_export.hpp)
    commands.add(cli);
    horizons::app::FileCommands fileCommands; // check, convert (cli_file.hpp)
    fileCommands.add(cli);
    horizons::app::ProtectCommands protectCommands; // protect, unprotect (cli_protect.hpp)
    protectCommands.add(cli);
    horizons::app::MergeCommand mergeCommand; // merge (cli_merge.hpp)
    mergeCommand.add(cli);
    horizons::app::ReviewCommands reviewCommands; // import, packet (cli_review.hpp)
    reviewCommands.add(cli);

    try {
        cli.parse(argc, argv);
        if (!size.empty() && !horizons::app::parseSize(size, opt.width, opt.height))
            throw CLI::ValidationError("--size", "expected WxH, e.g. 1600x1000 (64..16384)");
        if (opt.boardFromStdin && (opt.screenshot.empty() || !opt.file.empty()))
            throw CLI::ValidationError("--board-stdin", "needs --screenshot and no FILE");
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return cli.exit(e); // --help, --version: stdout, 0
        std::cerr << "horizons: " << e.what() << "\n\n" << cli.help();
        return kUsageError;
    }
    if (auto code = fileCommands.run()) return *code;
    if (auto code = protectCommands.run()) return *code;
    if (auto code = mergeCommand.run()) return *code;
    if (auto code = reviewCommands.run()) return *code;
    if (auto code = commands.run(horizons::app::screenshotRenderer())) return *code;
    return horizons::app::run(opt);
}
