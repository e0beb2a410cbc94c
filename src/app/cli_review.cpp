// cli_review.cpp — see cli_review.hpp.
#include "app/cli_review.hpp"

#include "app/cli_file.hpp"
#include "app/cli_protect.hpp"

#include "model/calendar.hpp"
#include "model/document.hpp"
#include "model/packet.hpp"
#include "store/atomic_file.hpp"
#include "store/board_file.hpp"
#include "store/board_lock.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace horizons::app {

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr std::size_t kMaxVcfBytes = 16u << 20;

int fail(const std::string& msg) {
    std::cerr << "horizons: " << msg << "\n";
    return kFailed;
}

std::optional<Board> loadBoard(const CliReviewOptions& o, int& code,
                               std::shared_ptr<const store::BoardKey>* key = nullptr) {
    std::error_code ec;
    if (!fs::exists(o.file, ec)) {
        code = fail(o.file + ": no such file");
        return std::nullopt;
    }
    store::LoadResult r = openForCli(o.file, o.passphraseFile);
    if (!r) {
        code = fail(r.error.empty() ? o.file + ": cannot be read" : r.error);
        return std::nullopt;
    }
    if (key) *key = r.key;
    return std::move(*r.board);
}

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

int runImport(const CliReviewOptions& o) {
    std::string text;
    if (auto e = store::readFileBytes(o.vcf, kMaxVcfBytes, text)) return fail(*e);
    const VCardParse parsed = parseVCards(text);
    if (!parsed.error.empty()) return fail(o.vcf + ": " + parsed.error);
    if (parsed.cards.empty()) return fail(o.vcf + ": no vCard in it (BEGIN:VCARD ... END:VCARD)");

    store::BoardLock lock; // one writer: not while a window has the board open
    if (const store::LockResult l = lock.acquire(o.file); l.status == store::LockStatus::Held)
        return fail(o.file + ": " + l.error);
    int code = kOk;
    std::shared_ptr<const store::BoardKey> key;
    auto board = loadBoard(o, code, &key);
    if (!board) return code;
    Document doc(std::move(*board));
    ImportReport rep;
    const bool changed = doc.apply(importPeople(doc.board(), parsed.cards, doc.idSource(), &rep));
    for (const std::string& s : rep.skipped)
        std::cerr << "horizons: " << o.vcf << ": skipped " << s << "\n";
    if (changed) {
        store::SaveOptions so;
        so.key = key; // a protected board stays protected
        const auto r = store::saveBoardFile(doc.board(), o.file, so);
        if (!r) return fail(r.error.empty() ? "cannot save " + o.file : r.error);
    }
    std::cout << "Imported " << o.vcf << ": " << plural(rep.added, "person", "people") << " added, "
              << rep.updated << " updated, " << rep.unchanged << " unchanged, "
              << plural(rep.introductions, "new introduction", "new introductions")
              << (changed ? "" : " (nothing to save)") << "\n";
    return kOk;
}

int runPacket(const CliReviewOptions& o) {
    int code = kOk;
    if (!o.out.empty())
        if (auto same = outputIsBoard(o.file, o.out)) return fail(*same);
    if (!o.person.empty() && !o.share) {
        std::cerr << "horizons: --person needs --share\n";
        return 2;
    }
    auto board = loadBoard(o, code);
    if (!board) return code;
    PacketOptions p;
    p.today = Date::today();
    if (!o.since.empty()) p.since = Date::parse(o.since); // checked by the option already
    if (o.share) {
        p.kind = OutputKind::ToShare;
        if (!o.person.empty()) {
            const Person* reader = findPersonByName(board->content, o.person);
            if (!reader) return fail("no person \"" + o.person + "\" in " + o.file);
            p.reader = reader->id;
        }
    }
    const std::string md = reviewPacketMarkdown(*board, p);
    if (o.out.empty()) {
        std::cout << md;
        return kOk;
    }
    const auto r = store::writeFileAtomically(o.out, md, false);
    if (!r) return fail(r.error.empty() ? "cannot write " + o.out : r.error);
    return kOk;
}

void ReviewCommands::add(CLI::App& cli) {
    import_ = cli.add_subcommand("import", "Add or update people from a vCard file (no window): "
                                           "the same person imported twice is updated, not "
                                           "added again");
    import_->add_option("FILE", opt_.file, "Board file")->required()->type_name("FILE");
    import_->add_option("PEOPLE", opt_.vcf, "vCard file (3.0 or 4.0)")
        ->required()
        ->type_name("PEOPLE.vcf");

    packet_ = cli.add_subcommand("packet", "Write the review packet as Markdown (no window): wins, "
                                           "how the plan moved since the last snapshot, "
                                           "conversations held, asks open and settled");
    packet_->add_option("FILE", opt_.file, "Board file")->required()->type_name("FILE");
    packet_->add_option("-o,--output", opt_.out, "Write to a file instead of printing")
        ->type_name("OUT.md");
    packet_->add_flag("--share", opt_.share,
                      "The packet to share: only what the reader may see, no notes, no other "
                      "people");
    packet_->add_option("--person", opt_.person, "With --share: the reader (default: anyone)")
        ->type_name("NAME");
    packet_
        ->add_option("--since", opt_.since,
                     "Count wins, conversations and settled asks from this day instead of the "
                     "last snapshot")
        ->type_name("YYYY-MM-DD")
        ->check(CLI::Validator(
            [](std::string& s) {
                return Date::parse(s) ? std::string() : "expected a date YYYY-MM-DD, not " + s;
            },
            "YYYY-MM-DD"));
    for (CLI::App* sub : {import_, packet_})
        addPassphraseFileOption(sub, opt_.passphraseFile);
}

std::optional<int> ReviewCommands::run() const {
    if (import_ && import_->parsed()) return runImport(opt_);
    if (packet_ && packet_->parsed()) return runPacket(opt_);
    return std::nullopt;
}

} // namespace horizons::app
