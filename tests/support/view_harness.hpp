// view_harness.hpp — what a headless view test hands a view: a dispatcher straight onto a
// Document (no files, no session rules: those are tested in tests/session) and the derived
// data, so a test can set up its board with doc.apply() and then drive the view.
//
//   Document doc;  test::ViewHarness views{doc};
//   ViewContext ctx = views.context(shared, today);   // once per frame
//   drawBoardView(ctx, st);
#pragma once

#include "model/document.hpp"
#include "session/command.hpp"
#include "session/derived.hpp"
#include "ui/view_context.hpp"

#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace horizons::test {

class DocumentDispatcher final : public session::Dispatcher {
  public:
    explicit DocumentDispatcher(Document& doc) : doc_(doc) {}
    bool dispatch(session::Command c) override {
        commands.push_back(session::commandName(c));
        return std::visit(
            [this](auto& x) -> bool {
                using C = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<C, session::ApplyEdit>)
                    return doc_.apply(std::move(x.edit), x.mergeKey);
                else if constexpr (std::is_same_v<C, session::Undo>)
                    return doc_.undo();
                else if constexpr (std::is_same_v<C, session::Redo>)
                    return doc_.redo();
                else if constexpr (std::is_same_v<C, session::EndGesture>) {
                    doc_.endGesture();
                    return true;
                } else if constexpr (std::is_same_v<C, session::CancelGesture>)
                    return doc_.cancelStep(x.mergeKey);
                else if constexpr (std::is_same_v<C, session::ExportText>) {
                    exports.push_back(x);
                    return true;
                } else
                    return false; // files and snapshots: the session's (tests/session)
            },
            c);
    }
    void notify(std::string m) override { notices.push_back(std::move(m)); }
    std::uint64_t generation() const override { return doc_.stateId(); }

    std::vector<std::string> commands; // names of everything dispatched, in order
    std::vector<std::string> notices;
    std::vector<session::ExportText> exports;

  protected:
    std::uint64_t allocateId() override { return doc_.newId<GoalId>().value; }

  private:
    Document& doc_;
};

struct ViewHarness {
    Document& doc;
    DocumentDispatcher dispatcher{doc};
    session::Derived derived;
    explicit ViewHarness(Document& d) : doc(d) {}
    // The document's state id is the generation: one document, ids never repeat.
    ui::ViewContext context(ui::SharedViewState& shared, Date today,
                            ui::PanelState* panels = nullptr) {
        derived.update(doc.content(), doc.stateId(), today);
        return ui::ViewContext{doc, dispatcher, derived, shared, today, doc, {}, panels};
    }
};

} // namespace horizons::test
