// The day-dated CIP files of bdpm-daily-cip/ (issue 3 sources; PROVENANCE.md
// 1.2) on the real data: each folder imports as a partial BDPM snapshot named by
// its folder's date, and the snapshot views order day-dated folders against the
// month-dated bdpm/2026-07 (downloaded 2026-07-24) so that the earlier days do
// not hide the newer monthly file. Facts from the files themselves (written
// before the code, found with grep/comm on the files):
//  - 2026-07-07/CIS_CIP_bdpm.txt: 20,901 lines, UTF-8, LF; sha256 bac9e1a0...
//    (MANIFEST.tsv); CIP7 2178305 (CIS 61956276, IRBESARTAN/HYDROCHLOROTHIAZIDE
//    MYLAN PHARMA 300 mg/12,5 mg) is in it and in none of the later files.
//  - 2026-07-23/CIS_CIP_bdpm.txt: 20,874 lines; CIS 60235768 / CIP7 3931383 is
//    priced 289,14 there and 202,76 in bdpm/2026-07 (PROVENANCE.md 1.2).
// Thread-safety: single-threaded test binary.
#include <gtest/gtest.h>

#include "kb/sqlite_db.h"
#include "kb/test_data.h"
#include "vigie/kb/drug.h"
#include "vigie/kb/import.h"
#include "vigie/kb/kb.h"

namespace vigie::kb {
namespace {

class BdpmDailyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = testing::DataDir();
    if (data_.empty()) return;
    kb_ = testing::ScratchDir("bdpm_daily") + "/kb.sqlite";
    auto env = NewPosixEnv();
    // Deliberately not in date order: the views must not depend on import order.
    for (const char* dir : {"bdpm-daily-cip/2026-07-23", "bdpm/2026-07",
                            "bdpm-daily-cip/2026-07-07", "bdpm/2026-01"}) {
      Result<ImportReport> r = ImportBdpm(*env, kb_, data_ + "/" + dir);
      ASSERT_TRUE(r.ok()) << dir << ": " << r.status().Message(Lang::kEn);
      reports_.push_back(std::move(r).value());
    }
  }
  void SetUp() override {
    if (data_.empty()) GTEST_SKIP() << "données officielles absentes : test ignoré";
  }
  static const ImportReport& Report(const std::string& version) {
    for (const ImportReport& r : reports_) {
      if (r.version == version) return r;
    }
    ADD_FAILURE() << "no snapshot " << version;
    return reports_.front();
  }
  static std::shared_ptr<const DrugIndex> Index(std::string_view as_of) {
    auto index = LoadDrugIndex(kb_, as_of);
    EXPECT_TRUE(index.ok()) << as_of;
    return index.ok() ? *index : nullptr;
  }
  static inline std::string data_, kb_;
  static inline std::vector<ImportReport> reports_;
};

TEST_F(BdpmDailyTest, EachDayImportsAsAPartialSnapshotNamedByItsDate) {
  const ImportReport& d07 = Report("2026-07-07");
  ASSERT_EQ(d07.files.size(), 1u);
  EXPECT_EQ(d07.files[0].name, "CIS_CIP_bdpm.txt");
  EXPECT_EQ(d07.files[0].encoding, "utf-8");
  EXPECT_EQ(d07.files[0].rows, 20901);
  EXPECT_EQ(d07.files[0].skipped, 0);
  EXPECT_EQ(d07.files[0].sha256,
            "bac9e1a0dad8cd9edb347fbf9f060055195338ab564982b960e87184acd6ddbb");
  // The other 10 of the 11 official files (issue 3 lists them) are reported missing.
  EXPECT_EQ(d07.missing_files.size(), 10u);
  const ImportReport& d23 = Report("2026-07-23");
  ASSERT_EQ(d23.files.size(), 1u);
  EXPECT_EQ(d23.files[0].rows, 20874);
}

TEST_F(BdpmDailyTest, EarlierDaysDoNotHideTheNewerMonthlyFile) {
  auto index = Index("");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->catalog().snapshot_versions, (std::vector<std::string>{"2026-01", "2026-07"}));
  EXPECT_TRUE(index->Search("2178305", 5).empty());  // withdrawn by 2026-07-24
}

TEST_F(BdpmDailyTest, AsOfADayUsesThatDaysPresentations) {
  auto index = Index("2026-07-07");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->catalog().snapshot_versions,
            (std::vector<std::string>{"2026-01", "2026-07-07"}));
  auto r = index->Search("2178305", 5);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].drug->cis, "61956276");
  EXPECT_EQ(r[0].matched_by, "cip7");
  auto d23 = Index("2026-07-23");
  ASSERT_NE(d23, nullptr);
  EXPECT_EQ(d23->catalog().snapshot_versions, (std::vector<std::string>{"2026-01", "2026-07-23"}));
  EXPECT_TRUE(d23->Search("2178305", 5).empty());
}

TEST_F(BdpmDailyTest, DayOverDayPriceChangeIsKeptPerSnapshot) {
  auto db = Db::Open(kb_, true);
  ASSERT_TRUE(db.ok());
  auto price = [&](const std::string& version) {
    auto st = (*db)->Prepare(
        "SELECT c.prix FROM bdpm_presentation c JOIN snapshot s "
        "ON s.id=c.snapshot_id WHERE s.version=? AND c.cip7='3931383'");
    EXPECT_TRUE(st.ok());
    st->Bind(1, version);
    auto row = st->Step();
    return row.ok() && *row ? std::string(st->Text(0)) : std::string("?");
  };
  EXPECT_EQ(price("2026-07-23"), "289,14");
  EXPECT_EQ(price("2026-07"), "202,76");
}

}  // namespace
}  // namespace vigie::kb
