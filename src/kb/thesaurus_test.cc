// Thesaurus parsing on the real ANSM PDFs. Facts are quoted from the PDFs, with
// the 1-based PDF page, and were written before the parser:
//  - 2020-10 p.3: ABATACEPT + VACCINS VIVANTS ATTÉNUÉS, "Association DECONSEILLEE",
//    risk "Risque de maladie vaccinale généralisée, éventuellement mortelle."
//  - 2023-09 p.166: METHOTREXATE + TRIMETHOPRIME, "CI - ASDEC": Contre-indication
//    "- avec le méthotrexate utilisé à doses > 20 mg/semaine"; Association
//    déconseillée "- Avec le méthotrexate utilisé à des doses =< 20 mg/semaine".
//  - 2023-09 p.5: ACIDE ACETYLSALICYLIQUE + METHOTREXATE "CI - PE"; + GLUCOCORTICOÏDES
//    (SAUF HYDROCORTISONE) "ASDEC - APEC" (p.5, first line of the page).
//  - 2023-09 p.20: ANTICOAGULANTS ORAUX "(acenocoumarol, apixaban, dabigatran, édoxaban,
//    fluindione, phenindione, rivaroxaban, warfarine)".
//  - 2009-06 p.2: ACETAZOLAMIDE + CARBAMAZEPINE "Précaution d'emploi".
//  - 2023-09 "Voir aussi" lines (classes separated by " - "; a class name may
//    hold a comma): p.4 ACIDE ACETYLSALICYLIQUE "Voir aussi : antiagrégants
//    plaquettaires - substances à absorption réduite par les topiques
//    gastro-intestinaux, antiacides et adsorbants"; p.221 SACUBITRIL "Voir aussi :
//    médicaments, bradykinine et angio-œdème"; p.238 TÉDIZOLIDE "Voir aussi :
//    IMAO-A réversibles, y compris oxazolidinones et bleu de méthylène".
// (Every version's parse rate is checked in thesaurus_import_test.cc.)
// Thread-safety: single-threaded test binary.
#include "vigie/kb/thesaurus.h"

#include <gtest/gtest.h>

#include <map>

#include "kb/test_data.h"

namespace vigie::kb {
namespace {

const std::map<std::string, std::string> kFiles = {
    {"2009-06", "Thesaurus_26062009.pdf"},
    {"2020-10", "thesaurus-referentiel-national-des-interactions-medicamenteuses-20102020.pdf"},
    {"2023-09", "thesaurus_ansm_2023.pdf"},
};

class ThesaurusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::DataDir().empty()) GTEST_SKIP() << "données officielles absentes : ignoré";
  }
  static const ParsedThesaurus& Parsed(const std::string& version) {
    static std::map<std::string, ParsedThesaurus> cache;
    auto it = cache.find(version);
    if (it != cache.end()) return it->second;
    std::string path = testing::DataDir() + "/ansm-thesaurus/" + version + "/" + kFiles.at(version);
    Result<std::vector<std::string>> pages = ReadPdfPages(path);
    EXPECT_TRUE(pages.ok()) << path;
    return cache[version] = ParseThesaurusText(pages.ok() ? *pages : std::vector<std::string>{});
  }
  static const ThesaurusEntry* Find(const ParsedThesaurus& p, std::string_view a,
                                    std::string_view b) {
    for (const ThesaurusEntry& e : p.entries) {
      if (e.a == a && e.b == b) return &e;
    }
    return nullptr;
  }
  static std::vector<std::string> Codes(const ThesaurusEntry& e) {
    std::vector<std::string> out;
    for (const LevelCondition& l : e.levels) out.emplace_back(LevelCode(l.level));
    return out;
  }
};

TEST_F(ThesaurusTest, Abatacept2020VaccinsVivantsIsAsdec) {
  const ThesaurusEntry* e = Find(Parsed("2020-10"), "ABATACEPT", "VACCINS VIVANTS ATTÉNUÉS");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Codes(*e), std::vector<std::string>{"ASDEC"});
  EXPECT_EQ(e->page, 3);
  EXPECT_EQ(e->risk, "Risque de maladie vaccinale généralisée, éventuellement mortelle.");
}

TEST_F(ThesaurusTest, Methotrexate2023TrimethoprimeIsCiAbove20mgAsdecBelow) {
  const ThesaurusEntry* e = Find(Parsed("2023-09"), "METHOTREXATE", "TRIMETHOPRIME");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->page, 166);
  ASSERT_EQ(Codes(*e), (std::vector<std::string>{"CI", "ASDEC"}));
  EXPECT_NE(e->levels[0].condition.find("> 20 mg/semaine"), std::string::npos)
      << e->levels[0].condition;
  EXPECT_NE(e->levels[1].condition.find("=< 20 mg/semaine"), std::string::npos)
      << e->levels[1].condition;
  EXPECT_EQ(e->levels[0].condition.find("=<"), std::string::npos);
}

TEST_F(ThesaurusTest, CombinedLevels2023AspirinEntries) {
  const ParsedThesaurus& p = Parsed("2023-09");
  const ThesaurusEntry* mtx = Find(p, "ACIDE ACETYLSALICYLIQUE", "METHOTREXATE");
  ASSERT_NE(mtx, nullptr);
  EXPECT_EQ(mtx->page, 5);
  EXPECT_EQ(Codes(*mtx), (std::vector<std::string>{"CI", "PE"}));
  const ThesaurusEntry* gc =
      Find(p, "ACIDE ACETYLSALICYLIQUE", "GLUCOCORTICOÏDES (SAUF HYDROCORTISONE)");
  ASSERT_NE(gc, nullptr);
  EXPECT_EQ(Codes(*gc), (std::vector<std::string>{"ASDEC", "APEC"}));
  EXPECT_NE(gc->levels[0].condition.find(">=1g par prise"), std::string::npos);
  EXPECT_NE(gc->levels[1].condition.find("antipyrétiques"), std::string::npos);
}

TEST_F(ThesaurusTest, ClassMembersListedUnderTheHeading2023) {
  std::vector<std::string> members;
  for (const ClassMembership& m : Parsed("2023-09").memberships) {
    if (m.class_name == "ANTICOAGULANTS ORAUX" && m.origin == "texte") {
      members.push_back(m.substance);
      EXPECT_EQ(m.page, 20);
    }
  }
  EXPECT_EQ(members,
            (std::vector<std::string>{"acenocoumarol", "apixaban", "dabigatran", "édoxaban",
                                      "fluindione", "phenindione", "rivaroxaban", "warfarine"}));
}

TEST_F(ThesaurusTest, VoirAussiLinesGiveClassMemberships2023) {
  std::map<std::string, std::vector<std::pair<std::string, int>>> classes;
  for (const ClassMembership& m : Parsed("2023-09").memberships) {
    if (m.origin == "voir_aussi") classes[m.substance].emplace_back(m.class_name, m.page);
  }
  using Classes = std::vector<std::pair<std::string, int>>;
  const std::string absorption =
      "substances à absorption réduite par les topiques gastro-intestinaux, antiacides et "
      "adsorbants";
  EXPECT_EQ(classes["ACIDE ACETYLSALICYLIQUE"],
            (Classes{{"antiagrégants plaquettaires", 4}, {absorption, 4}}));
  EXPECT_EQ(classes["SACUBITRIL"], (Classes{{"médicaments, bradykinine et angio-œdème", 221}}));
  EXPECT_EQ(classes["TÉDIZOLIDE"],
            (Classes{{"IMAO-A réversibles, y compris oxazolidinones et bleu de méthylène", 238}}));
}

TEST_F(ThesaurusTest, Acetazolamide2009CarbamazepineIsPe) {
  const ThesaurusEntry* e = Find(Parsed("2009-06"), "ACETAZOLAMIDE", "CARBAMAZEPINE");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Codes(*e), std::vector<std::string>{"PE"});
  EXPECT_EQ(e->page, 2);
  EXPECT_NE(e->conduct.find("Surveillance clinique"), std::string::npos);
}

}  // namespace
}  // namespace vigie::kb
