// The full knowledge base on the real data, imported once for the suite: all
// 15 thesaurus versions with their indexes, BDPM 2026-01 + 2026-07. Checks the
// parse rate of every version, memberships, the interactions JSON, stats,
// no-op re-import, substance links and the coverage with the committed list.
// Facts from the PDFs (1-based PDF page):
//  - 2020-10 index des classes p.3: "IMAO-B (rasagiline, safinamide, selegiline)".
//  - 2020-10 index des substances p.1: "abciximab (c 7e3b fab) Voir : antiagrégants
//    plaquettaires".
//  - 2020-10 thesaurus p.3: ABATACEPT + VACCINS VIVANTS ATTÉNUÉS "Association DECONSEILLEE".
// "+ " lines per version were counted independently of the parser with
//   pdftotext -layout FILE - | grep -c '^ *+ '   (poppler-utils 22.12)
// Thread-safety: single-threaded test binary.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "kb/sqlite_db.h"
#include "kb/test_data.h"
#include "vigie/kb/import.h"
#include "vigie/kb/kb.h"

namespace vigie::kb {
namespace {

const std::map<std::string, int> kPlusLines = {
    {"2009-06", 2466}, {"2010-12", 2552}, {"2011-09", 2636}, {"2012-03", 2628}, {"2012-12", 2649},
    {"2013-07", 2656}, {"2014-01", 2577}, {"2015-01", 2761}, {"2015-06", 2846}, {"2016-01", 2772},
    {"2016-09", 2888}, {"2018-03", 3060}, {"2019-09", 3035}, {"2020-10", 3139}, {"2023-09", 3218}};

class FullKbTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = testing::DataDir();
    if (data_.empty()) return;
    kb_path_ = testing::ScratchDir("full_kb") + "/kb.sqlite";
    env_ = NewPosixEnv().release();
    for (const auto& [v, n] : kPlusLines) {
      auto r = ImportThesaurus(*env_, kb_path_, data_ + "/ansm-thesaurus/" + v);
      ASSERT_TRUE(r.ok()) << v << ": " << r.status().Message(Lang::kEn);
      reports_[v] = std::move(r).value();
    }
    for (const char* v : {"2026-01", "2026-07"}) {
      ASSERT_TRUE(ImportBdpm(*env_, kb_path_, data_ + "/bdpm/" + v).ok());
    }
    auto kb = KnowledgeBase::Open(kb_path_);
    ASSERT_TRUE(kb.ok());
    kb_ = std::move(kb).value().release();
  }
  static void TearDownTestSuite() {
    delete kb_;
    delete env_;
  }
  void SetUp() override {
    if (kb_ == nullptr) GTEST_SKIP() << "données officielles absentes : test ignoré";
  }
  static bool HasMember(const std::string& cls, const std::string& sub, const std::string& origin,
                        const std::string& version) {
    auto db = Db::Open(kb_path_, true);
    auto st = (*db)->Prepare(
        "SELECT count(*) FROM th_class_member m JOIN snapshot s ON s.id=m.snapshot_id "
        "WHERE class_name=? AND substance=? AND origin=? AND s.version=?");
    st->Bind(1, cls);
    st->Bind(2, sub);
    st->Bind(3, origin);
    st->Bind(4, version);
    return *st->Step() && st->Int(0) > 0;
  }
  static inline std::string data_, kb_path_;
  static inline Env* env_ = nullptr;
  static inline KnowledgeBase* kb_ = nullptr;
  static inline std::map<std::string, ImportReport> reports_;
};

TEST_F(FullKbTest, EveryVersionParsesAtLeast99Point5PercentOfPlusLines) {
  for (const auto& [version, expected] : kPlusLines) {
    const ImportReport& r = reports_[version];
    EXPECT_EQ(r.version, version);  // the month printed on the PDF = the folder's name
    EXPECT_EQ(r.entry_lines, expected) << version;
    auto unparsed = static_cast<int64_t>(r.issues.size());
    EXPECT_EQ(r.entries + unparsed, r.entry_lines) << version;
    EXPECT_LE(static_cast<double>(unparsed), 0.005 * expected) << version;
    for (const ImportIssue& i : r.issues) {
      EXPECT_GT(i.line, 0) << version;  // the page
      EXPECT_NE(i.reason.find("+ "), std::string::npos) << i.reason;
    }
  }
  EXPECT_EQ(reports_["2023-09"].missing_files,
            (std::vector<std::string>{"index des classes", "index des substances"}));
  EXPECT_TRUE(reports_["2020-10"].missing_files.empty());
}

TEST_F(FullKbTest, MembershipsFromIndexesAndText) {
  EXPECT_TRUE(HasMember("IMAO-B", "rasagiline", "index", "2020-10"));
  EXPECT_TRUE(
      HasMember("antiagrégants plaquettaires", "abciximab (c 7e3b fab)", "index", "2020-10"));
  EXPECT_TRUE(HasMember("ANTICOAGULANTS ORAUX", "apixaban", "texte", "2023-09"));
  EXPECT_FALSE(HasMember("IMAO-B", "apixaban", "index", "2020-10"));
}

TEST_F(FullKbTest, InteractionsJsonAndStats) {
  auto all = kb_->Interactions("2020-10");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(static_cast<int64_t>(all->size()), reports_["2020-10"].entries);
  bool found = false;
  for (const auto& e : *all) {
    if (e["a"] == "ABATACEPT" && e["b"] == "VACCINS VIVANTS ATTÉNUÉS") {
      found = true;
      EXPECT_EQ(e["levels"], nlohmann::json::array({"ASDEC"}));
      EXPECT_EQ(e["page"], 3);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(kb_->Interactions("1999-01").status().code(), ErrorCode::kNotFound);
  auto stats = kb_->Stats();
  ASSERT_TRUE(stats.ok());
  const auto& th = (*stats)["thesaurus"];
  ASSERT_EQ(th.size(), 15u);
  EXPECT_EQ(th[14]["version"], "2023-09");
  EXPECT_EQ(th[14]["entries"], reports_["2023-09"].entries);
  EXPECT_EQ(th[14]["unparsed"], 2);
  EXPECT_GT(th[14]["entries_by_level"]["CI"].get<int>(), 400);
}

// The running footer of 2015-06 to 2020-10 ("ANSM - Janvier 2016
// www.ansm.sante.fr 5/226", pdftotext of thesaurus2016.pdf p.5) is printed on
// every page: it must not end up inside an entry continued on the next page.
TEST_F(FullKbTest, NoEntryTextCarriesThePageFooter) {
  for (const auto& [version, expected] : kPlusLines) {
    auto all = kb_->Interactions(version);
    ASSERT_TRUE(all.ok()) << version;
    int with_footer = 0;
    for (const auto& e : *all) {
      if (e.dump().find("www.ansm.sante.fr") != std::string::npos) ++with_footer;
    }
    EXPECT_EQ(with_footer, 0) << version;
  }
}

TEST_F(FullKbTest, SameVersionTwiceIsANoOp) {
  auto again = ImportThesaurus(*env_, kb_path_, data_ + "/ansm-thesaurus/2023-09");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(again->snapshot_id, reports_["2023-09"].snapshot_id);
}

TEST_F(FullKbTest, EveryPdfIsRecordedWithTheSha256OfManifest) {
  // MANIFEST.tsv (beside PROVENANCE.md): path, bytes, sha256 of every staged file.
  std::map<std::string, std::string> manifest;
  for (const auto& [path, sha] : testing::ManifestSha256(data_)) {
    if (path.starts_with("ansm-thesaurus/")) manifest[path] = sha;
  }
  size_t checked = 0;
  for (const auto& [version, report] : reports_) {
    for (const ImportedFile& f : report.files) {
      EXPECT_EQ(f.sha256, manifest["ansm-thesaurus/" + version + "/" + f.name]) << f.name;
      ++checked;
    }
  }
  EXPECT_EQ(checked, manifest.size());  // every PDF of the 15 folders was read
}

TEST_F(FullKbTest, SaltsHydratesAndExtractsLinkToThesaurusSubstances) {
  auto cat = kb_->LoadDrugs();
  ASSERT_TRUE(cat.ok());
  std::map<std::string, std::string> links;
  for (const Drug& d : (*cat)->drugs) {
    for (const DrugSubstance& s : d.substances) links[s.name] = s.thesaurus_name;
  }
  EXPECT_EQ(links["CHLORHYDRATE DE METFORMINE"], "METFORMINE");
  // Amoxicilline is printed only in class lists, in lower case ("(amoxicilline,
  // ampicilline, ...)" under AMINOPÉNICILLINES / PÉNICILLINES).
  EXPECT_EQ(links["AMOXICILLINE TRIHYDRATÉE"], "amoxicilline");
  EXPECT_EQ(links["EXTRAIT SEC DE LA SOMMITÉ FLEURIE DE MILLEPERTUIS"], "MILLEPERTUIS");
  EXPECT_EQ(links["ANASTROZOLE"], "");  // no entry in any version (committed list)
}

TEST_F(FullKbTest, CoverageWithTheCommittedNoEntryListIsAtLeast97Percent) {
  std::ifstream in(testing::SourceDir() + "/data/kb/substances_sans_entree_thesaurus.txt");
  ASSERT_TRUE(in.good());
  std::vector<std::string> listed;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream names(line);  // up to four names per line, TAB-separated
    for (std::string name; std::getline(names, name, '\t');) {
      if (!name.empty()) listed.push_back(name);
    }
  }
  std::vector<std::string> absent;
  auto cov = kb_->Coverage(listed, &absent);
  ASSERT_TRUE(cov.ok());
  EXPECT_GE((*cov)["coverage_pct"].get<double>(), 97.0) << cov->dump(1);
  // Every committed name is proven absent from every version's text and indexes.
  for (const std::string& n : listed) {
    EXPECT_TRUE(std::binary_search(absent.begin(), absent.end(), n)) << n;
  }
}

}  // namespace
}  // namespace vigie::kb
