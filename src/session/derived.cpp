#include "session/derived.hpp"

namespace horizons::session {

void Derived::update(const BoardContent& content, std::uint64_t generation, Date today) {
    content_ = &content; // valid until the next update: the session owns both
    if (generation == generation_ && today == today_ && hintComputations_ > 0) return;
    generation_ = generation;
    today_ = today;
    hints_ = coachHints(content, today);
    ++hintComputations_;
    ++version_;
    agendas_.clear();
}

const Agenda& Derived::agenda(PersonId person) {
    auto it = agendas_.find(person);
    if (it == agendas_.end()) it = agendas_.emplace(person, draftAgenda(*content_, person)).first;
    return it->second;
}

} // namespace horizons::session
