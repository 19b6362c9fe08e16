// Substance vocabulary on synthetic names (the real links are checked in
// thesaurus_import_test.cc). Thread-safety: single-threaded test binary.
#include "kb/vocabulary.h"

#include <gtest/gtest.h>

namespace vigie::kb {
namespace {

TEST(SubstanceVocabulary, StripsSaltsHydratesAndFindsExtracts) {
  SubstanceVocabulary v;
  v.Add("METFORMINE");
  v.Add("MILLEPERTUIS");
  v.Add("amoxicilline");
  v.Add("sodium (chlorure de)");
  v.Add("ADRÉNALINE (VOIE BUCCO-DENTAIRE OU SOUS-CUTANÉE)");
  EXPECT_EQ(v.Link("CHLORHYDRATE DE METFORMINE", ""), "METFORMINE");
  EXPECT_EQ(v.Link("AMOXICILLINE TRIHYDRATÉE", ""), "amoxicilline");
  EXPECT_EQ(v.Link("EXTRAIT SEC DE LA SOMMITÉ FLEURIE DE MILLEPERTUIS", ""), "MILLEPERTUIS");
  EXPECT_EQ(v.Link("CHLORURE DE SODIUM", ""), "sodium (chlorure de)");
  EXPECT_EQ(v.Link("TARTRATE D'ADRÉNALINE", ""),
            "ADRÉNALINE (VOIE BUCCO-DENTAIRE OU SOUS-CUTANÉE)");
  EXPECT_EQ(v.Link("X", "METFORMINE"), "METFORMINE");  // the fraction thérapeutique first
  EXPECT_EQ(v.Link("ANASTROZOLE", ""), "");
}

TEST(CoreWords, DropsSaltWordsAndHomeopathicSuffix) {
  EXPECT_EQ(CoreWords("BÉSILATE D'AMLODIPINE"), std::vector<std::string>{"amlodipine"});
  EXPECT_EQ(CoreWords("ARNICA MONTANA POUR PRÉPARATIONS HOMÉOPATHIQUES"),
            (std::vector<std::string>{"arnica", "montana"}));
}

}  // namespace
}  // namespace vigie::kb
