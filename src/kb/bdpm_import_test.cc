// BDPM import on the real official snapshots in ../shared/data: every snapshot
// imports, rows and encodings are right, re-import is a no-op, malformed lines
// are reported with file and line, a killed import leaves the last good state.
// Thread-safety: single-threaded test binary (the kill test forks).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <regex>

#include "kb/sqlite_db.h"
#include "kb/test_data.h"
#include "vigie/kb/import.h"

namespace vigie::kb {
namespace {

class BdpmImportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = testing::DataDir();
    if (data_.empty()) return;
    kb_ = testing::ScratchDir("bdpm_import") + "/kb.sqlite";
    env_ = NewPosixEnv();
    for (const char* v : {"2022-06", "2025-07", "2026-01", "2026-07"}) {
      Result<ImportReport> r = ImportBdpm(*env_, kb_, data_ + "/bdpm/" + v);
      ASSERT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
      reports_.push_back(std::move(r).value());
    }
  }
  static void TearDownTestSuite() { env_.reset(); }
  void SetUp() override {
    if (data_.empty()) GTEST_SKIP() << "données officielles absentes : test ignoré";
  }
  static std::string Query(const std::string& sql) {
    auto db = Db::Open(kb_, true);
    EXPECT_TRUE(db.ok());
    auto st = (*db)->Prepare(sql);
    EXPECT_TRUE(st.ok()) << sql;
    auto row = st->Step();
    EXPECT_TRUE(row.ok() && *row) << sql;
    return std::string(st->Text(0));
  }
  static const ImportReport& Report(const std::string& version) {
    for (const ImportReport& r : reports_) {
      if (r.version == version) return r;
    }
    return reports_.front();
  }

  static inline std::string data_;
  static inline std::string kb_;
  static inline std::unique_ptr<Env> env_;
  static inline std::vector<ImportReport> reports_;
};

TEST_F(BdpmImportTest, RowCountsMatchProvenance) {
  // PROVENANCE.md: distinct CIS / CIP rows / GENER rows per snapshot.
  EXPECT_EQ(Query("SELECT count(DISTINCT cis) FROM bdpm_specialite s JOIN snapshot p ON "
                  "p.id=s.snapshot_id WHERE p.version='2026-01'"),
            "15799");
  EXPECT_EQ(Query("SELECT count(*) FROM bdpm_presentation s JOIN snapshot p ON "
                  "p.id=s.snapshot_id WHERE p.version='2026-07'"),
            "20874");
  EXPECT_EQ(Query("SELECT count(*) FROM bdpm_generique s JOIN snapshot p ON "
                  "p.id=s.snapshot_id WHERE p.version='2025-07'"),
            "10485");
}

TEST_F(BdpmImportTest, RepairsTranscodedApostropheAndMatchesRawFile) {
  // 2026-01/CIS_bdpm.txt line 2736 holds U+0092; 2026-07 is the raw cp1252 file.
  std::string sql =
      "SELECT denomination FROM bdpm_specialite s JOIN snapshot p ON p.id=s.snapshot_id "
      "WHERE cis='68437608' AND p.version='";
  EXPECT_EQ(Query(sql + "2026-01'"),
            "CARMIN D\xE2\x80\x99INDIGO PROVINGO 40 mg/5 mL, solution injectable");
  EXPECT_EQ(Query(sql + "2026-07'"), Query(sql + "2026-01'"));
  const ImportReport& r = Report("2026-01");
  for (const ImportedFile& f : r.files) {
    if (f.name == "CIS_bdpm.txt") {
      EXPECT_EQ(f.repaired_c1, 24) << "PROVENANCE.md: 24 C1";
    }
    if (f.name == "CIS_CIP_bdpm.txt") {
      EXPECT_EQ(f.encoding, "utf-8");
    }
  }
  for (const ImportedFile& f : Report("2026-07").files) {
    if (f.name == "CIS_bdpm.txt") {
      EXPECT_EQ(f.encoding, "windows-1252");
    }
  }
}

TEST_F(BdpmImportTest, ReportsMalformedLinesWithFileAndLine) {
  // 2022-06/CIS_COMPO_bdpm.txt lines 26838-26840 have 12 columns (tabs inside a
  // dosage); CIS_GENER_bdpm.txt lines 10004-10005 have an extra empty column.
  std::vector<int64_t> compo, gener;
  for (const ImportIssue& i : Report("2022-06").issues) {
    if (i.file == "CIS_COMPO_bdpm.txt") compo.push_back(i.line);
    if (i.file == "CIS_GENER_bdpm.txt") gener.push_back(i.line);
  }
  EXPECT_EQ(compo, (std::vector<int64_t>{26838, 26839, 26840}));
  EXPECT_EQ(gener, (std::vector<int64_t>{10004, 10005}));
  EXPECT_EQ(Report("2022-06").missing_files.size(), 3u);  // InfoImportantes, Dispo, MITM
}

TEST_F(BdpmImportTest, SameFilesTwiceIsANoOp) {
  std::string before = Query("SELECT count(*) FROM bdpm_composition");
  Result<ImportReport> again = ImportBdpm(*env_, kb_, data_ + "/bdpm/2026-01");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(again->snapshot_id, Report("2026-01").snapshot_id);
  EXPECT_EQ(Query("SELECT count(*) FROM bdpm_composition"), before);
  EXPECT_EQ(Query("SELECT count(*) FROM snapshot"), "4");
}

TEST_F(BdpmImportTest, ImportKilledMidwayKeepsLastGoodState) {
  std::string kb = testing::ScratchDir("bdpm_kill") + "/kb.sqlite";
  ASSERT_TRUE(ImportBdpm(*env_, kb, data_ + "/bdpm/2026-07").ok());
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ImportOptions opts;
    opts.on_file_staged = [](std::string_view, int64_t) { raise(SIGKILL); };
    (void)ImportBdpm(*env_, kb, data_ + "/bdpm/2026-01", opts);
    _exit(0);  // not reached: the callback kills the process mid-transaction
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  auto db = Db::Open(kb, true);
  ASSERT_TRUE(db.ok());
  auto st = (*db)->Prepare("SELECT count(*), max(version) FROM snapshot");
  ASSERT_TRUE(st.ok() && *st->Step());
  EXPECT_EQ(st->Int(0), 1);
  EXPECT_EQ(st->Text(1), "2026-07");
  Result<ImportReport> retry = ImportBdpm(*env_, kb, data_ + "/bdpm/2026-01");
  ASSERT_TRUE(retry.ok());
  EXPECT_FALSE(retry->already_imported);
}

TEST_F(BdpmImportTest, EveryFilePresentIsImportedLineByLine) {
  // bdpm/2022-06 holds 8 official files; line counts by `wc -l` on the files.
  const std::map<std::string, int64_t> lines = {
      {"CIS_bdpm.txt", 15676},         {"CIS_CIP_bdpm.txt", 20747},
      {"CIS_COMPO_bdpm.txt", 32340},   {"CIS_GENER_bdpm.txt", 10009},
      {"CIS_CPD_bdpm.txt", 24767},     {"CIS_HAS_SMR_bdpm.txt", 12738},
      {"CIS_HAS_ASMR_bdpm.txt", 8093}, {"HAS_LiensPageCT_bdpm.txt", 9068}};
  const ImportReport& r = Report("2022-06");
  ASSERT_EQ(r.files.size(), lines.size());
  for (const ImportedFile& f : r.files) {
    ASSERT_TRUE(lines.contains(f.name)) << f.name;
    EXPECT_EQ(f.rows + f.skipped, lines.at(f.name)) << f.name;  // nothing silently dropped
  }
  EXPECT_EQ(r.missing_files, (std::vector<std::string>{"CIS_InfoImportantes",
                                                       "CIS_CIP_Dispo_Spec.txt", "CIS_MITM.txt"}));
}

TEST_F(BdpmImportTest, EncodingAndC1RepairPerFileMatchProvenance) {
  // PROVENANCE.md 1.3-1.5: C1 code points per file of the transcoded folders;
  // 2022-06 and 2026-07 hold the raw Windows-1252 bytes (CIP of 2026 in UTF-8).
  const std::map<std::string, std::map<std::string, int64_t>> c1 = {{"2025-07",
                                                                     {{"CIS_bdpm.txt", 25},
                                                                      {"CIS_CIP_bdpm.txt", 126},
                                                                      {"CIS_COMPO_bdpm.txt", 11},
                                                                      {"CIS_GENER_bdpm.txt", 112},
                                                                      {"CIS_CPD_bdpm.txt", 167},
                                                                      {"CIS_MITM.txt", 5}}},
                                                                    {"2026-01",
                                                                     {{"CIS_bdpm.txt", 24},
                                                                      {"CIS_COMPO_bdpm.txt", 11},
                                                                      {"CIS_GENER_bdpm.txt", 112},
                                                                      {"CIS_CPD_bdpm.txt", 175},
                                                                      {"CIS_MITM.txt", 5}}}};
  for (const auto& [version, files] : c1) {
    for (const ImportedFile& f : Report(version).files) {
      int64_t expected = files.contains(f.name) ? files.at(f.name) : 0;
      EXPECT_EQ(f.repaired_c1, expected) << version << " " << f.name;
      EXPECT_EQ(f.encoding, expected > 0 ? "utf-8 (C1 réparés via windows-1252)" : "utf-8")
          << version << " " << f.name;
    }
  }
  for (const ImportedFile& f : Report("2022-06").files) {
    // HAS_LiensPageCT is pure ASCII, hence also valid UTF-8.
    EXPECT_EQ(f.encoding, f.name == "HAS_LiensPageCT_bdpm.txt" ? "utf-8" : "windows-1252")
        << f.name;
  }
  for (const ImportedFile& f : Report("2026-07").files) {
    EXPECT_EQ(f.encoding, f.name == "CIS_CIP_bdpm.txt" ? "utf-8" : "windows-1252") << f.name;
  }
}

TEST_F(BdpmImportTest, SnapshotRecordsSha256OfEveryFileAndImportTime) {
  // MANIFEST.tsv (beside PROVENANCE.md) gives the sha256 of every staged file.
  std::map<std::string, std::string> manifest = testing::ManifestSha256(data_);
  ASSERT_FALSE(manifest.empty());
  auto db = Db::Open(kb_, true);
  ASSERT_TRUE(db.ok());
  auto st = (*db)->Prepare(
      "SELECT s.version, f.name, f.sha256, s.imported_at FROM snapshot_file f "
      "JOIN snapshot s ON s.id=f.snapshot_id WHERE s.source='bdpm'");
  ASSERT_TRUE(st.ok());
  int files = 0;
  const std::regex iso(R"(20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z)");
  for (auto row = st->Step(); row.ok() && *row; row = st->Step()) {
    std::string path = "bdpm/" + std::string(st->Text(0)) + "/" + std::string(st->Text(1));
    EXPECT_EQ(st->Text(2), manifest[path]) << path;
    EXPECT_TRUE(std::regex_match(std::string(st->Text(3)), iso)) << st->Text(3);
    ++files;
  }
  EXPECT_EQ(files, 8 + 7 + 7 + 3);
}

TEST(BdpmImportMem, WronglyEncodedAndMissingFilesGiveAClearReport) {
  MemEnv env;
  ASSERT_TRUE(env.CreateDirs("/snap").ok());
  // CIS_CPD in Windows-1252 with a broken line and a non-numeric CIS.
  ASSERT_TRUE(env.WriteFile("/snap/CIS_CPD_bdpm.txt",
                            "60004505\tr\xE9serv\xE9 \xE0 l'usage HOSPITALIER\r\n"
                            "60004505\r\nABC\tliste I\r\n")
                  .ok());
  ASSERT_TRUE(env.WriteFile("/snap/notes.txt", "x").ok());
  std::string kb = testing::ScratchDir("bdpm_mem") + "/kb.sqlite";
  Result<ImportReport> r = ImportBdpm(env, kb, "/snap");
  ASSERT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
  ASSERT_EQ(r->files.size(), 1u);
  EXPECT_EQ(r->files[0].encoding, "windows-1252");
  EXPECT_EQ(r->files[0].rows, 1);
  EXPECT_EQ(r->files[0].skipped, 2);
  ASSERT_EQ(r->issues.size(), 2u);
  EXPECT_EQ(r->issues[0].line, 2);
  EXPECT_EQ(r->issues[1].line, 3);
  EXPECT_EQ(r->missing_files.size(), 10u);
  EXPECT_EQ(r->ignored_files, std::vector<std::string>{"notes.txt"});
  EXPECT_EQ(ImportBdpm(env, kb, "/nowhere").status().code(), ErrorCode::kFileNotFound);
}

}  // namespace
}  // namespace vigie::kb
