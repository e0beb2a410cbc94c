// Text exports of a plan: Markdown (to read, print or paste) and CSV (to open in a
// spreadsheet). Pure functions of the content; the caller writes the file.
//
// Index
//   markdownInline() ..... board text made safe for one Markdown line
//   csvField(), csvRow() . RFC 4180 quoting
//   planMarkdown() ....... the whole plan: horizons, goals by kind, people, conversations
//                          (to share: horizons and goals only; see share.hpp)
//   goalsCsv(), peopleCsv()
//
// Board text is data, never markup: Markdown exports escape the characters that would
// format or link (\ ` * _ [ ] < > #) and fold line breaks into spaces, so a title always stays
// one list item. CSV uses CRLF line ends; a field is quoted when it holds a comma, a quote,
// CR or LF (or starts/ends with a space), and quotes inside are doubled. UTF-8 is kept.
#pragma once

#include "model/board.hpp"
#include "model/share.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace horizons {

std::string markdownInline(std::string_view s);
std::string csvField(std::string_view s);
std::string csvRow(const std::vector<std::string>& fields); // fields joined, CRLF at the end

// `today` decides which people are overdue; `maxConversations` most recent log entries.
// ToShare leaves out the people and the conversation log (call it through
// sharePlanMarkdown(), which filters the content first).
std::string planMarkdown(const BoardContent& c, Date today, std::size_t maxConversations = 10,
                         OutputKind kind = OutputKind::ForMe);

// Columns: id,title,horizon,kind,specificity,status,target,beyond_org,tags,people,serves,notes
// Rows in board order: horizons left to right, then the goal's place in its column.
std::string goalsCsv(const BoardContent& c);
// Columns: id,name,relationship,inside_org,trust,helps_with,cadence_days,last_talked,
//          next_planned,overdue,goals,notes
std::string peopleCsv(const BoardContent& c, Date today);

// Goals of one horizon in column order (ascending order, then id).
std::vector<const Goal*> goalsInHorizon(const BoardContent& c, HorizonId h);
std::string helpsWithList(std::uint32_t bits, std::string_view separator = ", ");

} // namespace horizons
