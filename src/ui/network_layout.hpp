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
//   nameBoxMin() ........... where a person's name goes: above or below, away from "You"
//   placeCaption() ......... a ring caption at an angle where nothing else is
//   fitZoomForMap() ........ the zoom that shows every ring, node and name in a viewport
//   PersonGrid ............. a uniform grid over the placed people (culling, hit tests)
//   NetworkMapCache ........ everything derived from the board, rebuilt only when the board
//                            (Document::stateId()), the filter, today or the geometry change
//
// World coordinates: "You" sits at the origin; +x right, +y down (screen-like), so an angle
// grows clockwise on screen. A person's ring follows their trust, their angle is theirs
// (Person::mapAngle): dragging across rings changes only the trust.
#pragma once

#include "model/board.hpp"
#include "ui/canvas.hpp"
#include "ui/network_filter.hpp"

#include <imgui.h>

#include <array>
#include <cstdint>
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
    friend bool operator==(const RingGeometry&, const RingGeometry&) = default;
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

// How many sub-rings the `n` people of one ring alternate between: 1, or 2 when more are on it
// than fit side by side (neighbours then sit on either side of the ring, inside its band).
int ringRows(const RingGeometry& g, int trust, std::size_t n);

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
// World bounding box of the curve between two node centres (before trimming): the hull of
// its control points, which contains the whole curve.
Rectf introCurveBounds(ImVec2 from, ImVec2 to, float bend = 0.25f);

// --------------------------------------------------------------------------------- labels

// Top-left corner of a person's name box (`textSize` px) for a disc of screen radius
// `discRadius` at `discCentre`, whose place on the map is at `angle`: centred, just above the
// disc for a node in the upper half of the map and just below it in the lower half (away
// from the centre), so names do not run into "You" or the inner rings.
ImVec2 nameBoxMin(ImVec2 discCentre, float discRadius, double angle, ImVec2 textSize, float gap);

// Where a caption of `size` px goes on a circle of `radius` px around `centre` (screen): at
// the first angle of `candidates` (radians, screen: +y down) where the box lies inside
// `viewport` and overlaps none of `obstacles`; nullopt when none is free. The box is centred
// on the circle, except towards the sides (|sin| < 0.7) where it starts at the circle and
// extends outwards.
std::optional<Rectf> placeCaption(ImVec2 centre, float radius, ImVec2 size,
                                  std::span<const double> candidates,
                                  std::span<const Rectf> obstacles, const Rectf& viewport);
// Caption angles, best first: around the top of the circle (the bottom when `preferBottom`),
// alternating sides in steps of 9 degrees up to 45 degrees off vertical; then the right and
// left sides (+-18 degrees); then around the opposite end.
std::span<const double> captionAngles(bool preferBottom);

// A node of the fit: its world position and the screen-pixel box around its screen position
// that its disc and name need (relative offsets; min <= 0 <= max).
struct FitNode {
    ImVec2 world;
    Vec2f pxMin, pxMax;
};
// The largest zoom (clamped to `limits`) at which, with world (0,0) at the viewport's centre,
// the disc of `radius` world units and every node's pixel box stay `marginPx` inside the
// viewport.
float fitZoomForMap(float radius, std::span<const FitNode> nodes, Vec2f viewportSize,
                    float marginPx, ZoomLimits limits);

// ----------------------------------------------------------------------------- culling

// The placed people bucketed into a uniform grid over their bounding box: the people in a
// rectangle cost what is in (or near) the rectangle, not what is on the board.
class PersonGrid {
  public:
    void build(std::span<const PlacedPerson> placed, float cellSize);
    // Indices into `placed` (as given to build) of the people whose centre lies in `world`
    // (min inclusive, max exclusive), in increasing order. Appends to `out` after clearing it.
    void query(std::span<const PlacedPerson> placed, const Rectf& world,
               std::vector<std::uint32_t>& out) const;
    // Index of the closest person within `radius` of `world`, if any.
    std::optional<std::uint32_t> nearest(std::span<const PlacedPerson> placed, ImVec2 world,
                                         float radius) const;
    const Rectf& bounds() const { return bounds_; } // of the centres; empty when no people

  private:
    int cellOf(float v, float lo, int n) const;
    Rectf bounds_;
    float cell_ = 1;
    int cols_ = 0, rows_ = 0;
    std::vector<std::uint32_t> start_; // CSR: cell c holds items_[start_[c] .. start_[c+1])
    std::vector<std::uint32_t> items_;
};

// ------------------------------------------------------------------------- derived data

// One "can introduce me to" link whose two people are both shown.
struct MapIntro {
    IntroId id;
    std::uint32_t from = 0, to = 0; // indices into NetworkMapCache::placed()
    Rectf box;                      // world bounds of the curve (culling)
};

// Everything the map draws that depends only on the board, the filter, today and the ring
// geometry. update() rebuilds it when one of those changed and is a few comparisons
// otherwise, so a frame costs what is on screen, not the size of the board.
class NetworkMapCache {
  public:
    // `generation` names the board's state (ViewContext::generation: another board, a
    // snapshot shown or an edit all change it). Returns true when it rebuilt.
    bool update(std::uint64_t generation, const BoardContent& c, const NetworkFilter& filter,
                Date today, const RingGeometry& g);
    void invalidate() { valid_ = false; }
    std::uint64_t rebuilds() const { return rebuilds_; } // how often update() rebuilt

    // People passing the filter, in id order, spread on their rings.
    std::span<const PlacedPerson> placed() const { return placed_; }
    const PlacedPerson* find(PersonId id) const; // nullptr when not shown
    std::optional<std::uint32_t> indexOf(PersonId id) const;
    bool overdue(std::uint32_t i) const { return overdue_[i] != 0; }
    std::uint32_t goalCount(std::uint32_t i) const { return goalCount_[i]; }
    int ringCount(int trust) const; // people shown on that ring
    std::span<const MapIntro> intros() const { return intros_; }
    // Over all people (shown or not), e.g. for the legend and the filter popup.
    std::uint32_t relationshipsPresent() const { return relationshipsPresent_; }
    // Open goals nobody is linked to (goalsWithNobody()).
    std::span<const GoalId> goalsWithNobody() const { return lonely_; }
    const PersonGrid& grid() const { return grid_; }

    // Culling: indices of the people whose centre lies in `world` (see PersonGrid::query).
    void peopleIn(const Rectf& world, std::vector<std::uint32_t>& out) const;
    // Hit test: the closest shown person within `radius` of `world`.
    std::optional<PersonId> personAt(ImVec2 world, float radius) const;

    // People linked to the given goals (sorted), cached per board state and goal list.
    const std::vector<PersonId>& linkedToGoals(const BoardContent& c,
                                               std::span<const GoalId> goals);

  private:
    bool valid_ = false;
    std::uint64_t generation_ = 0;
    NetworkFilter filter_;
    int today_ = 0;
    RingGeometry g_;
    std::uint64_t rebuilds_ = 0;

    std::vector<PlacedPerson> placed_;
    std::vector<std::uint8_t> overdue_;
    std::vector<std::uint32_t> goalCount_;
    std::array<int, kMaxTrust + 1> ringCount_{};
    std::vector<MapIntro> intros_;
    std::uint32_t relationshipsPresent_ = 0;
    std::vector<GoalId> lonely_;
    PersonGrid grid_;

    bool linkedValid_ = false;
    std::uint64_t linkedGeneration_ = 0;
    std::vector<GoalId> linkedGoals_;
    std::vector<PersonId> linked_;
};

} // namespace horizons::ui
