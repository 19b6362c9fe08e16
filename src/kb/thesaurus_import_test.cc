// Thesaurus import into a KB on the real PDFs of 2020-10 (with both indexes)
// and 2023-09 (no index: classes from the text), then queried back.
// Facts from the PDFs (1-based PDF page):
//  - 2020-10 index des classes p.3: "IMAO-B (rasagiline, safinamide, selegiline)".
//  - 2020-10 index des substances p.1: "abciximab (c 7e3b fab) Voir : antiagrégants
//    plaquettaires".
//  - 2020-10 thesaurus p.3: ABATACEPT + VACCINS VIVANTS ATTÉNUÉS "Association DECONSEILLEE".
// Thread-safety: single-threaded test binary.
#include <gtest/gtest.h>

#include "kb/sqlite_db.h"
#include "kb/test_data.h"
#include "vigie/kb/import.h"
#include "vigie/kb/kb.h"

namespace vigie::kb {
namespace {

class ThesaurusImportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = testing::DataDir();
    if (data_.empty()) return;
    kb_path_ = testing::ScratchDir("thesaurus_import") + "/kb.sqlite";
    env_ = NewPosixEnv().release();
    for (const char* v : {"2020-10", "2023-09"}) {
      auto r = ImportThesaurus(*env_, kb_path_, data_ + "/ansm-thesaurus/" + v);
      ASSERT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
      reports_.push_back(std::move(r).value());
    }
  }
  static void TearDownTestSuite() { delete env_; }
  void SetUp() override {
    if (data_.empty()) GTEST_SKIP() << "données officielles absentes : test ignoré";
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
  static inline std::vector<ImportReport> reports_;
};

TEST_F(ThesaurusImportTest, ReportsFilesUnparsedAndMissingIndexes) {
  const ImportReport& r2020 = reports_[0];
  EXPECT_EQ(r2020.files.size(), 3u);
  EXPECT_TRUE(r2020.missing_files.empty());
  EXPECT_EQ(r2020.issues.size(), 2u);  // two text-only entries, p.20 (see thesaurus_test)
  for (const ImportIssue& i : r2020.issues) EXPECT_EQ(i.line, 20);
  const ImportReport& r2023 = reports_[1];
  EXPECT_EQ(r2023.missing_files,
            (std::vector<std::string>{"index des classes", "index des substances"}));
}

TEST_F(ThesaurusImportTest, MembershipsFromIndexesAndText) {
  EXPECT_TRUE(HasMember("IMAO-B", "rasagiline", "index", "2020-10"));
  EXPECT_TRUE(
      HasMember("antiagrégants plaquettaires", "abciximab (c 7e3b fab)", "index", "2020-10"));
  EXPECT_TRUE(HasMember("ANTICOAGULANTS ORAUX", "apixaban", "texte", "2023-09"));
  EXPECT_FALSE(HasMember("ANTICOAGULANTS ORAUX", "apixaban", "texte", "2020-10") &&
               HasMember("IMAO-B", "apixaban", "index", "2020-10"));
}

TEST_F(ThesaurusImportTest, InteractionsJsonAndStats) {
  auto kb = KnowledgeBase::Open(kb_path_);
  ASSERT_TRUE(kb.ok());
  auto all = (*kb)->Interactions("2020-10");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 3137u);  // 3139 "+ " lines - 2 unparsed
  bool found = false;
  for (const auto& e : *all) {
    if (e["a"] == "ABATACEPT" && e["b"] == "VACCINS VIVANTS ATTÉNUÉS") {
      found = true;
      EXPECT_EQ(e["levels"], nlohmann::json::array({"ASDEC"}));
      EXPECT_EQ(e["page"], 3);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ((*kb)->Interactions("1999-01").status().code(), ErrorCode::kNotFound);
  auto stats = (*kb)->Stats();
  ASSERT_TRUE(stats.ok());
  const auto& th = (*stats)["thesaurus"];
  ASSERT_EQ(th.size(), 2u);
  EXPECT_EQ(th[1]["version"], "2023-09");
  EXPECT_EQ(th[1]["entries"], 3216);
  EXPECT_EQ(th[1]["unparsed"], 2);
  EXPECT_GT(th[1]["entries_by_level"]["CI"].get<int>(), 400);
}

TEST_F(ThesaurusImportTest, SameVersionTwiceIsANoOp) {
  auto again = ImportThesaurus(*env_, kb_path_, data_ + "/ansm-thesaurus/2023-09");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(again->snapshot_id, reports_[1].snapshot_id);
}

}  // namespace
}  // namespace vigie::kb
