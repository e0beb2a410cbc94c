// The board: everything one career plan holds. Plain values, no behaviour beyond lookups;
// every change goes through Document::apply (document.hpp) so it can be undone.
//
// Index
//   enums ........ GoalStatus, GoalKind, Relationship, HelpWith, PersonRole (bit flags),
//                  AskStatus
//   entities ..... Horizon, Goal, Person, GoalLink, Intro, Conversation, Ask, Win
//   content ...... BoardMeta (title, owner, review date, settings) + the tables
//   Board ........ content + snapshots + id counter
//   queries ...... orderedHorizons, linksOfGoal, lastTalked, ...
//   cadence ...... cadenceOf (due / overdue from the last conversation), overdueList
#pragma once

#include "model/date.hpp"
#include "model/ids.hpp"
#include "model/table.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace horizons {

// ---------------------------------------------------------------------------------- enums

enum class GoalStatus : std::uint8_t { Idea, Active, Done, Dropped };
inline constexpr int kGoalStatusCount = 4;

enum class GoalKind : std::uint8_t { Direction, Destination };
inline constexpr double kDestinationThreshold = 0.5; // specificity >= this is a destination

enum class Relationship : std::uint8_t {
    Manager,
    SkipLevel,
    Colleague,
    Mentor,
    Sponsor,
    PeerOutside, // a peer outside the organisation
    FriendFamily,
    Coach,
    Other
};
inline constexpr int kRelationshipCount = 9;

// What a person can do for you (bit flags in Person::helpsWith).
enum HelpWith : std::uint32_t {
    HelpListen = 1u << 0,
    HelpConnect = 1u << 1, // connect to networks
    HelpSponsor = 1u << 2,
    HelpKeepEarOut = 1u << 3, // keep an ear out for openings
    HelpMobility = 1u << 4,   // smooth mobility inside the organisation
    HelpEncourage = 1u << 5,
    HelpBlindSpots = 1u << 6, // challenge blind spots
};
inline constexpr int kHelpWithCount = 7;
inline constexpr std::uint32_t kHelpWithAll = (1u << kHelpWithCount) - 1;

// The parts a person plays for you (bit flags in Person::roles): any number of them. Mentors
// advise; sponsors spend their influence on your behalf; outside contacts work elsewhere.
enum PersonRole : std::uint32_t {
    RoleManager = 1u << 0,
    RoleSkipLevel = 1u << 1,
    RoleMentor = 1u << 2,
    RoleSponsor = 1u << 3,
    RolePeer = 1u << 4,
    RoleOutsideContact = 1u << 5,
};
inline constexpr int kRoleCount = 6;
inline constexpr std::uint32_t kRoleAll = (1u << kRoleCount) - 1;

// A request made of a person: still open, done (they did it) or declined.
enum class AskStatus : std::uint8_t { Open, Done, Declined };
inline constexpr int kAskStatusCount = 3;

inline constexpr int kMinTrust = 1;
inline constexpr int kMaxTrust = 5;

std::string_view statusName(GoalStatus s);
std::string_view kindName(GoalKind k);
std::string_view relationshipName(Relationship r);
std::string_view helpWithName(HelpWith h); // "Listen", "Connect to networks", ...
HelpWith helpWithBit(int index);           // 0 .. kHelpWithCount-1
std::string_view roleName(PersonRole r);   // "Manager", "Skip-level", "Mentor", ...
PersonRole roleBit(int index);             // 0 .. kRoleCount-1
std::string roleList(std::uint32_t roles, std::string_view separator = ", ");
// The roles that follow from an older file's single relationship (files before schema 2).
std::uint32_t rolesFromRelationship(Relationship r, bool insideOrg);
std::string_view askStatusName(AskStatus s); // "Open", "Done", "Declined"

// ------------------------------------------------------------------------------- entities

struct Horizon {
    HorizonId id;
    std::string name; // "6 months"
    int months = 6;   // nominal span, >= 1
    double order = 0; // columns are drawn left to right by ascending order
    bool operator==(const Horizon&) const = default;
};

struct Goal {
    GoalId id;
    std::string title;
    std::string notes;
    HorizonId horizon;
    double specificity = 0.5; // 0 = pure direction, 1 = concrete destination
    double order = 0;         // place within its horizon column (ascending)
    GoalStatus status = GoalStatus::Idea;
    std::optional<Date> target;
    std::vector<std::string> tags;
    std::uint32_t colour = 0;         // 0xRRGGBB; 0 = theme default
    bool beyondOrg = false;           // beyond the current organisation
    GoalId serves;                    // optional: the larger goal this one serves
    std::uint32_t dismissedHints = 0; // bit (1 << HintKind) per dismissed coach hint
    Timestamp created = 0;
    Timestamp updated = 0;

    GoalKind kind() const {
        return specificity >= kDestinationThreshold ? GoalKind::Destination : GoalKind::Direction;
    }
    bool operator==(const Goal&) const = default;
};

struct Person {
    PersonId id;
    std::string name;
    Relationship relationship = Relationship::Colleague;
    bool insideOrg = true;
    int trust = 3;               // 1 (keep to the current role) .. 5 (safe to discuss anything)
    std::uint32_t helpsWith = 0; // HelpWith bits
    int cadenceDays = 0;         // the ideal gap between conversations; 0 = no cadence
    std::optional<Date> nextPlanned;
    std::string notes;
    double mapAngle = 0;      // radians; place on the network map (the ring follows trust)
    std::uint32_t roles = 0;  // PersonRole bits
    std::string organisation; // where they work; "" = unknown (insideOrg: yours)
    int latestGapDays = 0;    // the longest gap to let pass; 0 = the ideal gap
    std::string uid;          // the vCard UID it was imported under ("" = from its id)
    bool operator==(const Person&) const = default;
};

struct GoalLink { // "talk to <person> about <goal>"
    LinkId id;
    PersonId person;
    GoalId goal;
    std::string topic;
    bool operator==(const GoalLink&) const = default;
};

struct Intro { // <from> can introduce me to <to>
    IntroId id;
    PersonId from;
    PersonId to;
    bool operator==(const Intro&) const = default;
};

struct Conversation {
    ConversationId id;
    Date date;
    PersonId person;           // 0 once the person was deleted: see formerContact
    std::vector<GoalId> goals; // goals discussed
    std::string notes;
    std::vector<std::string> followUps;
    std::string formerContact; // the deleted person's name: the talk itself stays history
    bool operator==(const Conversation&) const = default;
};

struct Ask { // a request made of a person: an introduction, a stretch project, a reference
    AskId id;
    PersonId person; // 0 once the person was deleted: see formerContact
    std::string what;
    Date asked;
    AskStatus status = AskStatus::Open;
    std::optional<Date> settled; // when it was done or declined
    std::vector<GoalId> goals;   // the goals it serves
    std::string notes;
    std::string formerContact; // the deleted person's name
    bool operator==(const Ask&) const = default;
};

struct Win { // a dated accomplishment, the evidence for the review
    WinId id;
    Date date;
    std::string what;
    std::vector<GoalId> goals;
    std::string notes;
    bool operator==(const Win&) const = default;
};

// -------------------------------------------------------------------------------- content

struct Settings {
    int beyondOrgTrust = 4; // trust from which "beyond the organisation" goals are discussed
    std::uint32_t dismissedBoardHints = 0; // board-wide coach hints the user dismissed
    bool operator==(const Settings&) const = default;
};

struct BoardMeta {
    std::string title = "My career plan";
    std::string owner;
    Settings settings;
    std::optional<Date> reviewDate; // the next review
    bool operator==(const BoardMeta&) const = default;
};

// Everything a snapshot copies: the plan itself, without the snapshots.
struct BoardContent {
    BoardMeta meta;
    Table<Horizon> horizons;
    Table<Goal> goals;
    Table<Person> people;
    Table<GoalLink> links;
    Table<Intro> intros;
    Table<Conversation> conversations;
    Table<Ask> asks;
    Table<Win> wins;
    bool operator==(const BoardContent&) const = default;
};

struct Snapshot {
    SnapshotId id;
    std::string name;
    std::string note;
    Timestamp takenAt = 0;
    BoardContent content;
    bool operator==(const Snapshot&) const = default;
};

struct Board {
    BoardContent content;
    Table<Snapshot> snapshots;
    // Above every id in use. Ids are no longer counted from it (ids.hpp: IdSource), but it is
    // kept, and kept above the ids, so older versions of Horizons still read and extend the
    // file. It never wraps: it only grows, up to 2^64-1 at most.
    std::uint64_t nextId = 1;
    bool operator==(const Board&) const = default;
};

// A new board with the default horizons (6 months, 2 years, 5 years) and nothing else. Their
// ids are always 1, 2, 3: two boards started apart then share them, so their columns merge.
Board makeEmptyBoard(std::string title = "My career plan");

// -------------------------------------------------------------------------------- queries

std::vector<const Horizon*> orderedHorizons(const BoardContent& c); // left to right
const Horizon* shortestHorizon(const BoardContent& c);
const Horizon* longestHorizon(const BoardContent& c);
std::vector<const GoalLink*> linksOfGoal(const BoardContent& c, GoalId g);
std::vector<const GoalLink*> linksOfPerson(const BoardContent& c, PersonId p);
std::size_t countLinkedPeople(const BoardContent& c, GoalId g);
std::optional<Date> lastTalked(const BoardContent& c, PersonId p);
std::unordered_map<PersonId, Date> lastTalkedByPerson(const BoardContent& c);
// Overdue: the person has a cadence and the last conversation is longer ago than the latest
// gap (the ideal gap when no latest is set), or a planned next conversation date has passed.
// Never talked + no plan = not overdue.
bool isOverdue(const Person& p, std::optional<Date> lastTalkedDate, Date today);
// Who a conversation was with: the person's name, or "Name (former contact)" once deleted.
std::string conversationWith(const BoardContent& c, const Conversation& cv);
const Person* findPersonByName(const BoardContent& c, std::string_view name); // case-insensitive

// Asks of one person, in id order.
std::vector<const Ask*> asksOfPerson(const BoardContent& c, PersonId p);
// Who an ask was made of: the person's name, or "Name (former contact)".
std::string askedOf(const BoardContent& c, const Ask& a);

// -------------------------------------------------------------------------------- cadence

// Where a person stands against their cadence, counted from the last logged conversation.
struct CadenceState {
    std::optional<Date> last;   // last conversation
    std::optional<Date> due;    // last + ideal gap (today when never talked); none: no cadence
    std::optional<Date> latest; // last + latest gap, or the planned date; none: nothing late
    bool isDue = false;         // today >= due
    bool isOverdue = false;     // today > latest (as isOverdue())
    int daysLate = 0;           // days past `latest` when overdue
};
int latestGap(const Person& p); // the latest gap in days (the ideal gap when none is set)
CadenceState cadenceOf(const Person& p, std::optional<Date> last, Date today);
CadenceState cadenceOf(const BoardContent& c, PersonId p, Date today);
struct OverdueEntry {
    PersonId person;
    CadenceState state;
};
// Everyone overdue, the latest first (most days late), then by name.
std::vector<OverdueEntry> overdueList(const BoardContent& c, Date today);

std::uint64_t maxIdInUse(const Board& b);       // the largest id anywhere, snapshots included
bool idInUse(const Board& b, std::uint64_t id); // by any entity of any kind, snapshots included
// A fresh id value from `ids` that nothing in `b` uses (a clash only with a seeded source).
std::uint64_t mintId(const Board& b, IdSource& ids);
// Raises b.nextId above every id in use (saturating: a counter at 2^64-1 stays there).
void keepNextIdAbove(Board& b);

} // namespace horizons
