// person_delete_dialog.hpp — deleting people from the map or the inspector. Someone you never
// logged a conversation with goes at once (Ctrl+Z brings them back); when there are
// conversations, a dialog asks first and says what happens to them: they stay in the log,
// under the person's name as a former contact.
#pragma once

#include "ui/view_context.hpp"

#include <vector>

namespace horizons::ui {

// Deletes `ids` now, or asks first (the dialog below) when any was talked to. True when they
// were deleted at once.
bool deletePeopleAsking(ViewContext& ctx, std::vector<PersonId> ids);
// The "Delete person?" dialog; call once per frame at the top level.
void drawDeletePeopleDialog(ViewContext& ctx);

} // namespace horizons::ui
