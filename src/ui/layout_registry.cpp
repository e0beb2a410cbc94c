#include "ui/layout_registry.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace horizons::ui {
namespace {

LayoutRegistry* g_current = nullptr;

void appendNumber(std::string& out, double v) {
    if (!std::isfinite(v)) v = 0;
    char buf[32];
    const double r = std::round(v * 10.0) / 10.0; // 0.1 px is plenty
    std::snprintf(buf, sizeof buf, "%.10g", r);
    out += buf;
}

} // namespace

void LayoutRegistry::add(std::string_view id, std::string_view kind, std::string_view label,
                         ImVec2 min, ImVec2 max, const BoardPlace* place) {
    LayoutItem it;
    if (place) {
        it.place = true;
        it.goals.assign(place->goals.begin(), place->goals.end());
        it.specificity = place->specificity;
        it.lineY = place->lineY;
        it.y0 = place->y0;
        it.y1 = place->y1;
    }
    it.id = id;
    it.kind = kind;
    it.label = label;
    it.x = min.x;
    it.y = min.y;
    it.w = std::max(0.0f, max.x - min.x);
    it.h = std::max(0.0f, max.y - min.y);
    // Same id twice in one frame (e.g. a view drawn twice): the last rectangle wins.
    for (auto& existing : items_)
        if (existing.id == it.id) {
            existing = std::move(it);
            return;
        }
    items_.push_back(std::move(it));
}

const LayoutItem* LayoutRegistry::find(std::string_view id) const {
    for (const auto& it : items_)
        if (it.id == id) return &it;
    return nullptr;
}

std::string jsonEscape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out;
}

std::string LayoutRegistry::toJsonLine(unsigned long long frame, double seconds) const {
    std::string out = "{\"frame\":" + std::to_string(frame) + ",\"t\":";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", std::isfinite(seconds) ? seconds : 0.0);
    out += buf;
    out += ",\"items\":[";
    bool first = true;
    for (const auto& it : items_) {
        if (!first) out += ',';
        first = false;
        out += "{\"id\":\"" + jsonEscape(it.id) + "\",\"kind\":\"" + jsonEscape(it.kind) +
               "\",\"label\":\"" + jsonEscape(it.label) + "\",\"x\":";
        appendNumber(out, it.x);
        out += ",\"y\":";
        appendNumber(out, it.y);
        out += ",\"w\":";
        appendNumber(out, it.w);
        out += ",\"h\":";
        appendNumber(out, it.h);
        if (it.place) {
            out += ",\"goals\":[";
            for (std::size_t i = 0; i < it.goals.size(); ++i)
                out += (i ? "," : "") + std::to_string(it.goals[i]);
            char spec[32];
            std::snprintf(spec, sizeof spec, "%.6g",
                          std::isfinite(it.specificity) ? it.specificity : 0.0);
            out += "],\"specificity\":";
            out += spec;
            out += ",\"lineY\":";
            appendNumber(out, it.lineY);
            out += ",\"y0\":";
            appendNumber(out, it.y0);
            out += ",\"y1\":";
            appendNumber(out, it.y1);
        }
        out += '}';
    }
    out += "]}";
    return out;
}

void setCurrentLayoutRegistry(LayoutRegistry* r) { g_current = r; }
LayoutRegistry* currentLayoutRegistry() { return g_current; }

namespace {
bool fullyClipped(ImVec2 min, ImVec2 max) { // not visible in the current window
    if (!ImGui::GetCurrentContext() || !ImGui::GetCurrentWindowRead()) return false;
    return !ImGui::GetCurrentWindowRead()->ClipRect.Overlaps(ImRect(min, max));
}
} // namespace

void registerItem(std::string_view id, std::string_view kind, std::string_view label, ImVec2 min,
                  ImVec2 max) {
    if (g_current && !fullyClipped(min, max)) g_current->add(id, kind, label, min, max);
}

void registerBoardItem(std::string_view id, std::string_view kind, std::string_view label,
                       ImVec2 min, ImVec2 max, const BoardPlace& place) {
    if (g_current && !fullyClipped(min, max)) g_current->add(id, kind, label, min, max, &place);
}

void registerLastItem(std::string_view id, std::string_view kind, std::string_view label) {
    registerItem(id, kind, label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

} // namespace horizons::ui
