// A thesaurus version is named YYYY-MM after the month printed on its PDF
// (issue 3), whatever its folder is called, and a bad thesaurus folder gives a
// clear error. Facts (pdftotext -l 2 on the real PDFs, written before the code):
//  - the 2020-10 booklet prints "Octobre 2020" on its first pages; the source
//    repository kept it in a folder named "2020_01" (PROVENANCE.md 3.1);
//  - the 2016-09 booklet prints "Septembre 2016" (source folder "2016_08").
// Thread-safety: single-threaded test binary.
#include <gtest/gtest.h>

#include <filesystem>

#include "kb/test_data.h"
#include "vigie/kb/import.h"

namespace vigie::kb {
namespace {

namespace fs = std::filesystem;

constexpr const char* k2020 =
    "thesaurus-referentiel-national-des-interactions-medicamenteuses-20102020.pdf";

// A scratch folder named `folder` holding a copy of one real thesaurus PDF.
std::string FolderWith(const std::string& scratch, const std::string& folder,
                       const std::string& source_pdf) {
  std::string dir = scratch + "/" + folder;
  fs::create_directories(dir);
  fs::copy_file(source_pdf, dir + "/" + fs::path(source_pdf).filename().string());
  return dir;
}

TEST(ThesaurusVersion, NamedAfterThePrintedMonthNotTheFolder) {
  VIGIE_REQUIRE_DATA(data);
  std::string scratch = testing::ScratchDir("th_version");
  auto env = NewPosixEnv();
  std::string kb = scratch + "/kb.sqlite";
  std::string dir = FolderWith(scratch, "2020_01", data + "/ansm-thesaurus/2020-10/" + k2020);
  Result<ImportReport> r = ImportThesaurus(*env, kb, dir);
  ASSERT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
  EXPECT_EQ(r->version, "2020-10");
  // Re-importing the same file reports the same version, as a no-op.
  Result<ImportReport> again = ImportThesaurus(*env, kb, dir);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(again->version, "2020-10");
}

TEST(ThesaurusVersion, FolderThatContradictsThePdfIsReported) {
  VIGIE_REQUIRE_DATA(data);
  std::string scratch = testing::ScratchDir("th_version_bad");
  auto env = NewPosixEnv();
  std::string dir =
      FolderWith(scratch, "2016-08", data + "/ansm-thesaurus/2016-09/thesaurus_82016.pdf");
  Result<ImportReport> r = ImportThesaurus(*env, scratch + "/kb.sqlite", dir);
  ASSERT_TRUE(r.ok()) << r.status().Message(Lang::kEn);
  EXPECT_EQ(r->version, "2016-09");
  bool reported = false;
  for (const ImportIssue& i : r->issues) {
    reported |= i.reason.find("2016-08") != std::string::npos &&
                i.reason.find("2016-09") != std::string::npos;
  }
  EXPECT_TRUE(reported) << r->ToJson().dump(1);
}

TEST(ThesaurusVersion, NotAPdfIsAClearDataError) {
  MemEnv env;
  ASSERT_TRUE(env.CreateDirs("/th/2023-09").ok());
  ASSERT_TRUE(env.WriteFile("/th/2023-09/thesaurus.pdf", "ceci n'est pas un PDF").ok());
  std::string kb = testing::ScratchDir("th_garbage") + "/kb.sqlite";
  Result<ImportReport> r = ImportThesaurus(env, kb, "/th/2023-09");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kDataError);
  EXPECT_NE(r.status().Message(Lang::kFr).find("thesaurus.pdf"), std::string::npos)
      << r.status().Message(Lang::kFr);
  ASSERT_TRUE(env.CreateDirs("/th/vide").ok());
  EXPECT_EQ(ImportThesaurus(env, kb, "/th/vide").status().code(), ErrorCode::kDataError);
}

}  // namespace
}  // namespace vigie::kb
