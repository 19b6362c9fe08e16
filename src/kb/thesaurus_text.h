// Helpers for reading the thesaurus layout text: columns in code points,
// chunks separated by runs of spaces, line kinds, level labels and the split
// of a combined level's conduct into per-level conditions. Private to src/kb.
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/kb/thesaurus.h"

namespace vigie::kb::thesaurus {

// A run of text on a layout line; gaps of two spaces or more separate chunks.
struct Chunk {
  int col = 0;  // code-point column of the first character
  std::string text;
};
std::vector<Chunk> Chunks(std::string_view line);

// Leading spaces, in code points (tabs count as one).
int Indent(std::string_view line);

// True when the line holds letters and none of them is lowercase.
bool IsUpperHeading(std::string_view trimmed);

// "Association DECONSEILLEE", "CI - ASDEC", "Précaution d’emploi"... as levels.
std::optional<std::vector<Level>> ParseLevelLabel(std::string_view chunk);

// The level a conduct line opens ("Contre-indication avec :", "- précaution
// d'emploi avec ...", "ASDEC"), if it opens one.
std::optional<Level> LevelOpening(std::string_view line);

// Conditions per level of a combined label from the conduct lines.
std::vector<LevelCondition> SplitConditions(const std::vector<Level>& levels,
                                            const std::vector<std::string>& conduct_lines);

}  // namespace vigie::kb::thesaurus
