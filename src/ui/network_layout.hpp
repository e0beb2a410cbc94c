// network_layout.hpp — the network map's geometry, as pure functions (no ImGui context needed;
// ImVec2 is only used as a plain 2-D vector).
//
// Index
//   RingGeometry ........... ring radii per trust level (5 innermost … 1 outermost), in world units
//   ringRadius(), trustFromRadius(), personPosition(), angleOf()
//   spreadAngles() ......... keeps nodes on one ring from overlapping (display angles)
//   freeAngle() ............ the middle of the widest gap on a ring (for a new person)
//   layoutPeople() ......... world position of every person, by id
//   hitTestPerson() ........ the node under a point
//   IntroCurve ............. the "can introduce me to" curve between two people
//
// World coordinates: "You" sits at the origin; +x right, +y down (screen-like), so an angle
// grows clockwise on screen. A person's ring follows their trust, their angle is theirs
// (Person::mapAngle): dragging across rings changes only the trust.
#pragma once

#include "model/board.hpp"

#include <imgui.h>

#include <optional>
#include <span>
#include <vector>

namespace horizons::ui {

// ---------------------------------------------------------------------------------- rings

struct RingGeometry {
    float youRadius = 34.0f;   // the "You" disc
    float innerRadius = 96.0f; // ring of trust kMaxTrust (5)
    float ringGap = 62.0f;     // distance between neighbouring rings
    float nodeRadius = 17.0f;  // a person's disc

    float outerRadius() const; // ring of trust kMinTrust (1)
    float extent() const;      // radius that contains everything drawn (rings, nodes, labels)
};

float ringRadius(const RingGeometry& g, int trust); // trust clamped to 1..5
// The trust level whose ring is closest to a point at `radius` from the centre (for drops).
int trustFromRadius(const RingGeometry& g, float radius);
ImVec2 pointOnRing(const RingGeometry& g, int trust, double angle);
ImVec2 personPosition(const RingGeometry& g, const Person& p);
double angleOf(ImVec2 worldPoint); // atan2 in (-pi, pi]; 0 for the centre itself
float lengthOf(ImVec2 v);
double normalizeAngle(double a); // into (-pi, pi]

// ------------------------------------------------------------------------------ placement

struct AngleItem {
    PersonId id;
    double angle = 0; // stored angle
};
// Display angles for nodes sharing one ring: each keeps its order and stays as close to its
// stored angle as it can while neighbours are at least `minSeparation` radians apart. When the
// ring is too full, the nodes are spaced evenly. Returns the angles in the input's order.
std::vector<double> spreadAngles(std::span<const AngleItem> items, double minSeparation);
// The middle of the widest empty arc between the given angles (where a new person fits best);
// `fallback` when there are none.
double freeAngle(std::span<const double> angles, double fallback);

struct PlacedPerson {
    PersonId id;
    ImVec2 pos; // world
    double angle = 0;
    int trust = 3;
};
// Positions of the given people (all people when `only` is empty), spread per ring so nodes
// do not overlap. Order follows the board's (id order).
std::vector<PlacedPerson> layoutPeople(const RingGeometry& g, const BoardContent& c,
                                       std::span<const PersonId> only = {});
const PlacedPerson* findPlaced(std::span<const PlacedPerson> placed, PersonId id);

// The node under `worldPoint`: the closest one within `radius`, nullopt when none.
std::optional<PersonId> hitTestPerson(std::span<const PlacedPerson> placed, ImVec2 worldPoint,
                                      float radius);
// Is the point on the "You" disc?
bool hitTestYou(const RingGeometry& g, ImVec2 worldPoint);

// --------------------------------------------------------------------------------- curves

// A quadratic Bézier from one person to another that bows away from the centre, so intro
// curves do not run through "You". Endpoints are trimmed to the edges of the node discs.
struct IntroCurve {
    ImVec2 p0, ctrl, p1;
    ImVec2 at(float t) const;      // point at t in [0,1]
    ImVec2 tangent(float t) const; // derivative at t (not normalised)
    // Distance from a point to the curve (sampled), for hover and hit tests.
    float distanceTo(ImVec2 point, int samples = 24) const;
};
IntroCurve introCurve(ImVec2 from, ImVec2 to, float trim, float bend = 0.25f);
// Arrow head at the curve's end: the tip and the two back corners.
struct ArrowHead {
    ImVec2 tip, left, right;
};
ArrowHead arrowHead(const IntroCurve& c, float size);

} // namespace horizons::ui
