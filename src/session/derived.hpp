// derived.hpp — what the views compute from the board, once per board generation and shared
// by all of them: coach hints and agendas. Nothing here is keyed on an object's address.
#pragma once

#include "model/agenda.hpp"
#include "model/coach.hpp"

#include <cstdint>
#include <map>
#include <vector>

namespace horizons::session {

class Derived {
  public:
    // Brings the cache to `generation` of `content`; cheap when nothing changed.
    void update(const BoardContent& content, std::uint64_t generation, Date today);

    // Changes each time the derived data is recomputed (another board state or another day).
    std::uint64_t version() const { return version_; }
    const std::vector<Hint>& hints() const { return hints_; }          // coachHints(content, today)
    const Agenda& agenda(PersonId person);                             // draftAgenda, per person
    std::size_t hintComputations() const { return hintComputations_; } // for tests

  private:
    const BoardContent* content_ = nullptr;
    std::uint64_t generation_ = 0;
    std::uint64_t version_ = 0;
    Date today_{};
    std::vector<Hint> hints_;
    std::map<PersonId, Agenda> agendas_;
    std::size_t hintComputations_ = 0;
};

} // namespace horizons::session
