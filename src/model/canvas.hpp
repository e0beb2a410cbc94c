// JSON Canvas 1.0 (jsoncanvas.org) export of the board and the network map, so the plan opens
// in Obsidian and other canvas tools. A pure function of the content.
//
// Layout: the board on the left, one group node per horizon (left to right), each goal a text
// node in its column, higher up the more it is a direction; "serves" arrows between goals.
// The map on the right: a group "Network" with a text node "You" at its centre and each
// person on the ring of their trust (inner = more trusted) at their angle on the map; edges
// for introductions (person -> person) and for person <-> goal links, labelled with the
// topic. Node ids are stable: "horizon-<id>", "goal-<id>", "person-<id>", "you", "network";
// edge ids "serves-<id>", "link-<id>", "intro-<id>". Goal colours go out as "#rrggbb".
// The canvas is *for me*: it shows trust rings and roles (see share.hpp).
#pragma once

#include "model/board.hpp"

#include <string>

namespace horizons {

std::string boardCanvas(const BoardContent& c);
// A JSON string literal (quotes included) for UTF-8 text, as JSON requires.
std::string jsonString(std::string_view s);

} // namespace horizons
