// app.hpp — the platform layer: GLFW window, GL context, ImGui backends, main loop.
// The only place (with screenshot.cpp) that knows GLFW and OpenGL.
#pragma once

#include <string>

namespace horizons::app {

struct Options {
    std::string file;       // board to open; empty: the default board
    std::string screenshot; // --screenshot OUT.png: draw `frames` frames, write PNG, exit 0
    int width = 0;          // --size WxH (0: remembered / default size)
    int height = 0;
    int frames = 5;              // --frames N
    std::string layoutDump;      // --layout-dump OUT.jsonl: one JSON line per drawn frame
    std::string panels;          // --panels a,b,…: exactly these panels shown (screenshots)
    std::string only;            // --only board|map: that view alone, maximised (PNG export)
    int frameDelayMs = 0;        // --frame-delay-ms N (hidden test hook): sleep N ms every frame
    bool damageCheck = false;    // --damage-check (hidden test hook): compare each partial
                                 // repaint with a whole one, report on stderr at exit
    bool boardFromStdin = false; // --board-stdin (hidden, with --screenshot): the board's bytes
                                 // come on stdin and stay in memory (export --format png)
};

// --panels: every name one of board, map, inspector, coach, history, prep.
bool validPanelList(const std::string& list);

// Opens the window and runs until quit. Returns the process exit status
// (0 ok, 1 runtime failure such as no display or a screenshot that could not be written).
int run(const Options& opt);

// Wakes the main loop from any thread and draws a couple of frames (e.g. autosave finished).
void requestRedraw();

} // namespace horizons::app
