// vCard 4.0 export and import of people (declarations and rules: calendar.hpp).
#include "model/calendar.hpp"

#include "model/export_text.hpp"
#include "model/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <set>

namespace horizons {

namespace {

constexpr const char* kRelationshipKeys[] = {"manager",      "skipLevel", "colleague",
                                             "mentor",       "sponsor",   "peerOutside",
                                             "friendFamily", "coach",     "other"};
constexpr const char* kHelpKeys[] = {"listen",   "connect",   "sponsor",   "keepEarOut",
                                     "mobility", "encourage", "blindSpots"};
static_assert(std::size(kRelationshipKeys) == kRelationshipCount);
static_assert(std::size(kHelpKeys) == kHelpWithCount);

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& ch : out)
        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return out;
}

std::string lowerAlnum(std::string_view s) { // "Skip-level" -> "skiplevel"
    std::string out;
    for (char ch : s)
        if (std::isalnum(static_cast<unsigned char>(ch)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t'))
        ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
        --b;
    return std::string(s.substr(a, b - a));
}

// Splits a structured value at unescaped `sep` (the parts stay escaped).
std::vector<std::string> splitEscaped(std::string_view v, char sep) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) {
            parts.back() += v[i];
            parts.back() += v[++i];
        } else if (v[i] == sep) {
            parts.emplace_back();
        } else {
            parts.back() += v[i];
        }
    }
    return parts;
}

// "Ada Lovelace" -> family "Lovelace", given "Ada"; one word is the given name.
std::pair<std::string, std::string> splitName(const std::string& name) {
    const auto at = name.find_last_of(' ');
    if (at == std::string::npos) return {"", name};
    return {name.substr(at + 1), trim(name.substr(0, at))};
}

struct Out {
    std::string text;
    void line(std::string_view nameAndParams, std::string_view value) {
        text += foldLine(std::string(nameAndParams) + ":" + std::string(value));
    }
};

std::string number(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

} // namespace

namespace {

std::string uidFromId(PersonId id, bool alternative) {
    const std::uint64_t v = id.value;
    char buf[64];
    // A fixed pattern around the 64-bit id (UUID version 8, "custom"), so it reads back.
    std::snprintf(buf, sizeof buf, "urn:uuid:%08x-%04x-8%03x-800%01x-686f72697a6%c",
                  static_cast<unsigned>(v >> 32), static_cast<unsigned>((v >> 16) & 0xFFFF),
                  static_cast<unsigned>((v >> 4) & 0xFFF), static_cast<unsigned>(v & 0xF),
                  alternative ? 'f' : 'e');
    return buf;
}

} // namespace

std::string personUid(const Person& p) { return p.uid.empty() ? uidFromId(p.id, false) : p.uid; }

std::string personUid(const BoardContent& c, const Person& p) {
    if (!p.uid.empty()) return p.uid;
    std::string uid = uidFromId(p.id, false);
    // Someone imported from another board may carry the UID this id makes: step aside.
    for (const Person& other : c.people)
        if (other.id != p.id && other.uid == uid) return uidFromId(p.id, true);
    return uid;
}

std::optional<PersonId> personIdFromUid(std::string_view uid) {
    // urn:uuid:HHHHHHHH-HHHH-8HHH-800H-686f72697a6e
    constexpr std::string_view prefix = "urn:uuid:";
    constexpr std::string_view suffix = "-686f72697a6";
    if (uid.size() != prefix.size() + 36 || uid.substr(0, prefix.size()) != prefix ||
        uid.substr(uid.size() - suffix.size() - 1, suffix.size()) != suffix ||
        (uid.back() != 'e' && uid.back() != 'f'))
        return std::nullopt;
    const std::string_view u = uid.substr(prefix.size());
    auto hex = [&](std::size_t at, std::size_t n, std::uint64_t& out) {
        out = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            const char ch = u[i];
            const int d = ch >= '0' && ch <= '9'   ? ch - '0'
                          : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                                                   : -1;
            if (d < 0) return false;
            out = out * 16 + static_cast<std::uint64_t>(d);
        }
        return true;
    };
    std::uint64_t hi = 0, mid = 0, low = 0, nib = 0;
    if (u[8] != '-' || u[13] != '-' || u[14] != '8' || u[18] != '-' || u.substr(19, 3) != "800" ||
        !hex(0, 8, hi) || !hex(9, 4, mid) || !hex(15, 3, low) || !hex(22, 1, nib))
        return std::nullopt;
    const std::uint64_t v = (hi << 32) | (mid << 16) | (low << 4) | nib;
    if (v == 0) return std::nullopt;
    return PersonId{v};
}

std::string peopleVcf(const BoardContent& c) {
    Out o;
    for (const Person& p : c.people) {
        o.line("BEGIN", "VCARD");
        o.line("VERSION", "4.0");
        o.line("KIND", "individual");
        o.line("UID", personUid(c, p));
        o.line("FN", escapeText(p.name));
        const auto [family, given] = splitName(p.name);
        o.line("N", escapeText(family) + ";" + escapeText(given) + ";;;");
        if (!p.organisation.empty()) o.line("ORG", escapeText(p.organisation));
        for (int i = 0; i < kRoleCount; ++i)
            if (p.roles & roleBit(i)) o.line("ROLE", escapeText(roleName(roleBit(i))));
        if (!p.notes.empty()) o.line("NOTE", escapeText(p.notes));
        for (const Intro& in : c.intros)
            if (in.from == p.id)
                if (const Person* to = c.people.find(in.to))
                    o.line("RELATED;TYPE=contact", personUid(c, *to));
        o.line("X-HORIZONS-RELATIONSHIP",
               kRelationshipKeys[static_cast<std::size_t>(p.relationship) % kRelationshipCount]);
        o.line("X-HORIZONS-INSIDE-ORG", p.insideOrg ? "TRUE" : "FALSE");
        o.line("X-HORIZONS-TRUST", std::to_string(p.trust));
        std::string helps;
        for (int i = 0; i < kHelpWithCount; ++i)
            if (p.helpsWith & helpWithBit(i))
                helps += (helps.empty() ? "" : ",") + std::string(kHelpKeys[i]);
        if (!helps.empty()) o.line("X-HORIZONS-HELPS-WITH", helps);
        o.line("X-HORIZONS-CADENCE", std::to_string(p.cadenceDays));
        o.line("X-HORIZONS-LATEST-GAP", std::to_string(p.latestGapDays));
        if (p.nextPlanned) o.line("X-HORIZONS-NEXT-PLANNED", p.nextPlanned->iso());
        o.line("X-HORIZONS-MAP-ANGLE", number(p.mapAngle));
        o.line("END", "VCARD");
    }
    return o.text;
}

const VCardProperty* VCard::find(std::string_view name) const {
    for (const auto& p : props)
        if (p.name == name) return &p;
    return nullptr;
}

std::vector<const VCardProperty*> VCard::all(std::string_view name) const {
    std::vector<const VCardProperty*> out;
    for (const auto& p : props)
        if (p.name == name) out.push_back(&p);
    return out;
}

VCardParse parseVCards(std::string_view text) {
    VCardParse r;
    // Unfold: a line break followed by a space or tab continues the line.
    std::vector<std::pair<std::size_t, std::string>> lines; // (line number, text)
    std::size_t lineNo = 0, i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i <= text.size()) {
        std::size_t end = text.find('\n', i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view l = text.substr(i, end - i);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        ++lineNo;
        if (!l.empty() && (l[0] == ' ' || l[0] == '\t') && !lines.empty())
            lines.back().second.append(l.substr(1));
        else if (!l.empty())
            lines.emplace_back(lineNo, std::string(l));
        i = end + 1;
    }
    VCard* open = nullptr;
    for (const auto& [no, l] : lines) {
        auto fail = [&, no = no](const std::string& what) {
            if (r.error.empty()) r.error = "line " + std::to_string(no) + ": " + what;
        };
        // NAME *(;PARAM) : VALUE, with quoted parameter values that may hold ':' and ';'.
        std::size_t colon = std::string::npos;
        bool quoted = false;
        for (std::size_t k = 0; k < l.size(); ++k) {
            if (l[k] == '"') quoted = !quoted;
            if (l[k] == ':' && !quoted) {
                colon = k;
                break;
            }
        }
        if (colon == std::string::npos) {
            fail("no ':' in \"" + l.substr(0, 40) + "\"");
            continue;
        }
        VCardProperty prop;
        prop.value = l.substr(colon + 1);
        std::vector<std::string> head;
        {
            std::string cur;
            bool q = false;
            for (std::size_t k = 0; k < colon; ++k) {
                if (l[k] == '"') q = !q;
                if (l[k] == ';' && !q) {
                    head.push_back(cur);
                    cur.clear();
                } else {
                    cur += l[k];
                }
            }
            head.push_back(cur);
        }
        std::string name = upper(head[0]);
        if (const auto dot = name.find('.'); dot != std::string::npos) name = name.substr(dot + 1);
        prop.name = name;
        for (std::size_t k = 1; k < head.size(); ++k) {
            const auto eq = head[k].find('=');
            const std::string pname = upper(head[k].substr(0, eq));
            std::vector<std::string>& values = prop.params[pname];
            if (eq == std::string::npos) { // vCard 2.1 style bare TYPE
                values.push_back(head[k]);
                continue;
            }
            for (std::string v : splitEscaped(head[k].substr(eq + 1), ',')) {
                if (v.size() >= 2 && v.front() == '"' && v.back() == '"')
                    v = v.substr(1, v.size() - 2);
                values.push_back(v);
            }
        }
        if (prop.name == "BEGIN" && upper(prop.value) == "VCARD") {
            if (open) fail("a card begins inside another");
            r.cards.emplace_back();
            open = &r.cards.back();
        } else if (prop.name == "END" && upper(prop.value) == "VCARD") {
            if (!open) fail("END:VCARD without BEGIN:VCARD");
            open = nullptr;
        } else if (!open) {
            fail(prop.name + " outside a card");
        } else {
            open->props.push_back(std::move(prop));
        }
    }
    if (open) r.error = r.error.empty() ? "the last card has no END:VCARD" : r.error;
    return r;
}

namespace {

std::string cardName(const VCard& card) {
    if (const VCardProperty* fn = card.find("FN")) {
        const std::string n = trim(unescapeText(fn->value));
        if (!n.empty()) return n;
    }
    if (const VCardProperty* n = card.find("N")) {
        const auto parts = splitEscaped(n->value, ';');
        std::string given = parts.size() > 1 ? unescapeText(parts[1]) : "";
        std::string family = unescapeText(parts[0]);
        return trim(trim(given) + " " + trim(family));
    }
    return {};
}

std::string cardUid(const VCard& card) {
    const VCardProperty* u = card.find("UID");
    return u ? trim(unescapeText(u->value)) : std::string();
}

std::uint32_t parseRoles(const VCard& card, std::uint32_t fallback) {
    const auto roles = card.all("ROLE");
    if (roles.empty()) return fallback;
    std::uint32_t bits = 0;
    for (const VCardProperty* r : roles)
        for (const std::string& part : splitEscaped(r->value, ',')) {
            const std::string key = lowerAlnum(unescapeText(part));
            for (int i = 0; i < kRoleCount; ++i)
                if (lowerAlnum(roleName(roleBit(i))) == key) bits |= roleBit(i);
        }
    return bits;
}

void applyCard(const VCard& card, Person& p) {
    p.name = cardName(card);
    if (const VCardProperty* org = card.find("ORG"))
        p.organisation = trim(unescapeText(splitEscaped(org->value, ';')[0]));
    p.roles = parseRoles(card, p.roles);
    if (const VCardProperty* note = card.find("NOTE")) p.notes = unescapeText(note->value);
    const std::string uid = cardUid(card);
    if (!uid.empty() && uid != uidFromId(p.id, false) && uid != uidFromId(p.id, true)) p.uid = uid;
    auto x = [&](const char* name) -> const std::string* {
        const VCardProperty* v = card.find(name);
        return v ? &v->value : nullptr;
    };
    auto toInt = [](const std::string& s, int& out) {
        try {
            std::size_t used = 0;
            const int v = std::stoi(s, &used);
            if (used == s.size()) out = v;
        } catch (...) {
        }
    };
    if (const auto* v = x("X-HORIZONS-RELATIONSHIP"))
        for (int i = 0; i < kRelationshipCount; ++i)
            if (*v == kRelationshipKeys[i]) p.relationship = static_cast<Relationship>(i);
    if (const auto* v = x("X-HORIZONS-INSIDE-ORG")) p.insideOrg = upper(*v) != "FALSE";
    if (const auto* v = x("X-HORIZONS-TRUST")) toInt(*v, p.trust);
    if (const auto* v = x("X-HORIZONS-HELPS-WITH")) {
        p.helpsWith = 0;
        for (const std::string& part : splitEscaped(*v, ','))
            for (int i = 0; i < kHelpWithCount; ++i)
                if (trim(part) == kHelpKeys[i]) p.helpsWith |= helpWithBit(i);
    }
    if (const auto* v = x("X-HORIZONS-CADENCE")) toInt(*v, p.cadenceDays);
    if (const auto* v = x("X-HORIZONS-LATEST-GAP")) toInt(*v, p.latestGapDays);
    if (const auto* v = x("X-HORIZONS-NEXT-PLANNED")) p.nextPlanned = Date::parse(*v);
    if (const auto* v = x("X-HORIZONS-MAP-ANGLE")) {
        try {
            const double a = std::stod(*v);
            if (std::isfinite(a)) p.mapAngle = a;
        } catch (...) {
        }
    }
    // Without Horizons' own property, a card from elsewhere says "outside" by its roles.
    if (!x("X-HORIZONS-INSIDE-ORG") && (p.roles & RoleOutsideContact)) p.insideOrg = false;
}

} // namespace

Edit importPeople(const Board& b, const std::vector<VCard>& cards, IdSource& ids,
                  ImportReport* report) {
    ImportReport rep;
    const BoardContent& c = b.content;
    std::vector<Person> result; // the people after the import, by card
    std::vector<PersonId> ofCard(cards.size());
    std::set<PersonId> taken; // matched already (two cards never update one person)
    std::vector<std::uint64_t> fresh;
    auto newId = [&] {
        for (;;) {
            const std::uint64_t v = mintId(b, ids);
            if (std::find(fresh.begin(), fresh.end(), v) == fresh.end()) {
                fresh.push_back(v);
                return v;
            }
        }
    };
    Edit e{"", {}};
    std::vector<Person> added;
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const VCard& card = cards[i];
        const std::string name = cardName(card);
        if (name.empty()) {
            rep.skipped.push_back("card " + std::to_string(i + 1) + ": no name (FN or N)");
            continue;
        }
        const std::string uid = cardUid(card);
        const Person* match = nullptr;
        for (const Person& p : c.people) // the UID it was imported under comes first
            if (!taken.count(p.id) && !uid.empty() && p.uid == uid) match = &p;
        for (const Person& p : c.people) {
            if (match || taken.count(p.id) || uid.empty() || !p.uid.empty() ||
                personUid(c, p) != uid)
                continue;
            // A UID made from a small sequential id (files of older versions) may come from
            // another board that used the same number: then the name must agree too.
            if (p.id.value < kMinMintedId && findPersonByName(c, name) != &p) continue;
            match = &p;
        }
        if (!match && uid.empty())
            if (const Person* p = findPersonByName(c, name); p && !taken.count(p->id)) match = p;
        Person p;
        if (match) {
            p = *match;
        } else {
            p.id = PersonId{newId()};
            // New people spread around the map (golden angle), on the ring of their trust.
            p.mapAngle = std::fmod(static_cast<double>(c.people.size() + added.size()) * 2.399963,
                                   2 * std::numbers::pi);
        }
        applyCard(card, p);
        normalize(p);
        ofCard[i] = p.id;
        if (match) {
            taken.insert(p.id);
            if (p == *match) {
                ++rep.unchanged;
            } else {
                ++rep.updated;
                e.ops.emplace_back(Put<Person>{p});
            }
        } else {
            ++rep.added;
            e.ops.emplace_back(Put<Person>{p});
            added.push_back(p);
        }
    }
    // Introductions: RELATED values that name a person on the board or in this file.
    auto personByRef = [&](const VCardProperty& rel) -> std::optional<PersonId> {
        const std::string v = trim(unescapeText(rel.value));
        for (std::size_t k = 0; k < cards.size(); ++k)
            if (ofCard[k] && !cardUid(cards[k]).empty() && cardUid(cards[k]) == v) return ofCard[k];
        for (const Person& p : c.people)
            if (personUid(c, p) == v) return p.id;
        const auto vt = rel.params.find("VALUE");
        if (vt != rel.params.end() && !vt->second.empty() && upper(vt->second[0]) == "TEXT") {
            for (const Person& p : added)
                if (upper(p.name) == upper(v)) return p.id;
            if (const Person* p = findPersonByName(c, v)) return p->id;
        }
        return std::nullopt;
    };
    std::set<std::pair<PersonId, PersonId>> intros;
    for (const Intro& in : c.intros)
        intros.insert({in.from, in.to});
    for (std::size_t k = 0; k < cards.size(); ++k) {
        if (!ofCard[k]) continue;
        for (const VCardProperty* rel : cards[k].all("RELATED")) {
            const auto to = personByRef(*rel);
            if (!to || *to == ofCard[k] || !intros.insert({ofCard[k], *to}).second) continue;
            e.ops.emplace_back(Put<Intro>{Intro{IntroId{newId()}, ofCard[k], *to}});
            ++rep.introductions;
        }
    }
    const int changed = rep.added + rep.updated;
    e.label = changed == 1 ? "Import 1 person" : "Import " + std::to_string(changed) + " people";
    if (changed == 0 && rep.introductions > 0) e.label = "Import introductions";
    if (report) *report = rep;
    return e;
}

} // namespace horizons
