// Brand -> DCI query expansion from the knowledge base (issue 6): the brands
// of a BDPM drug catalog (first word of each specialty's denomination) with
// the DCIs of their active substances (the therapeutic fraction when BDPM
// gives one, salt words removed), added to a Lexicon so that a question
// naming "Glucophage" also searches "metformine" (and, through the
// morphology rules, "metformin"). Uses only the KB's public API.
// Thread-safety: pure functions over their arguments.
#pragma once

#include <cstddef>
#include <string>

#include "vigie/core/status.h"
#include "vigie/evidence/lexicon.h"
#include "vigie/kb/drug.h"

namespace vigie::evidence {

// Adds every brand of `catalog` to `lexicon`; returns the number of brands.
// A first word is a brand when it is not itself a word of a substance name
// (generics are named "METFORMINE <LAB>"), has at least 4 letters, and all
// specialties that start with it share at most 3 DCIs (so "VACCIN" or
// "ACIDE" are not brands).
size_t AddBrandNames(Lexicon& lexicon, const kb::DrugCatalog& catalog);

// Opens the KB file at `kb_path` (read-only), loads its newest BDPM view and
// adds its brands. Errors: those of kb::KnowledgeBase::Open / LoadDrugs
// (missing file: kFileNotFound; no BDPM snapshot: kNotFound).
Result<size_t> AddBrandNamesFromKb(Lexicon& lexicon, const std::string& kb_path);

// What the front ends call with the configured KB (`db_path`): brands are
// added when the KB is present; a missing file or a KB without BDPM snapshot
// is not an error (the search works without brands); any other failure is.
Status AddBrandNamesIfKbPresent(Lexicon& lexicon, const std::string& kb_path);

}  // namespace vigie::evidence
