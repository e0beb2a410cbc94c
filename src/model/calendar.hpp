// Calendars and contacts: iCalendar (RFC 5545) export, vCard 4.0 (RFC 6350) export and
// import of people. Pure functions of the board; the caller reads and writes the files.
//
// Index
//   contentLine(), foldLine(), escapeText() ... the shared content-line rules
//   calendarIcs() .............................. planned conversations, review, to-dos
//   personUid(), peopleVcf() ................... every person as a vCard
//   parseVCards(), importPeople() .............. vCards in, one edit out
//
// Both formats are lines of `NAME;PARAM=VALUE:VALUE` ended by CRLF and folded at 75 octets
// (a fold never splits a UTF-8 character), with `\`, `;`, `,` and line breaks escaped in text.
//
// iCalendar: one VEVENT per person with a cadence or a planned date: an all-day event on the
// day the next conversation is due (today when it is already due), repeating every ideal gap
// (RRULE FREQ=WEEKLY when the gap is whole weeks, else FREQ=DAILY); a VEVENT for the review
// date; a VTODO per follow-up of the log (COMPLETED once a goal carries its text) and per
// open ask. UIDs are stable (`person-<id>@horizons`, ...), so a calendar that imports the
// file again updates the events instead of adding new ones.
//
// vCard: FN, N, ORG, one ROLE per role, NOTE, KIND, UID, RELATED (the people this person can
// introduce you to, by their UID) and X-HORIZONS-* properties for everything else Horizons
// keeps (relationship, inside the organisation, trust, help, cadence, planned date, place on
// the map), so export then import gives back every field.
#pragma once

#include "model/edit.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace horizons {

inline constexpr std::size_t kMaxLineOctets = 75;

// `NAME[;params]:value` as one or more folded lines, each ended by CRLF.
std::string foldLine(std::string_view line);
// Escapes a TEXT value: backslash, semicolon, comma, line breaks (CRLF, CR, LF -> \n).
std::string escapeText(std::string_view s);
// The inverse of escapeText (\n and \N are line breaks; unknown escapes keep the character).
std::string unescapeText(std::string_view s);

// `now` is DTSTAMP; `today` decides what is due.
std::string calendarIcs(const BoardContent& c, Date today, Timestamp now);

// "urn:uuid:…": the UID a person was imported under, else one made from the id (and back).
// On a board, a made UID that someone imported already carries is made differently.
std::string personUid(const Person& p);
std::string personUid(const BoardContent& c, const Person& p);
std::optional<PersonId> personIdFromUid(std::string_view uid);
std::string peopleVcf(const BoardContent& c);

struct VCardProperty {
    std::string name;                                       // upper case, no group
    std::map<std::string, std::vector<std::string>> params; // names upper case
    std::string value;                                      // raw (still escaped)
};
struct VCard {
    std::vector<VCardProperty> props;
    const VCardProperty* find(std::string_view name) const; // the first one
    std::vector<const VCardProperty*> all(std::string_view name) const;
};
struct VCardParse {
    std::vector<VCard> cards;
    std::string error; // "" when every card parsed; else "line N: what"
};
// vCard 3.0 and 4.0; unfolds lines, accepts LF as well as CRLF.
VCardParse parseVCards(std::string_view text);

struct ImportReport {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int introductions = 0;            // new ones
    std::vector<std::string> skipped; // cards without a name, one line each
};
// Adds or updates people from vCards in one edit ("Import 3 people"). A card matches a person
// by UID (theirs, or the one made from their id; for the small sequential ids of older files,
// which another board may share, only when the name agrees too), else, when it has no UID,
// by name (case-insensitive); a match is updated with what the card holds, the rest keep
// their values.
// New ids come from `ids`. RELATED values naming a person (on the board or in the same file)
// become introductions.
Edit importPeople(const Board& b, const std::vector<VCard>& cards, IdSource& ids,
                  ImportReport* report = nullptr);

} // namespace horizons
