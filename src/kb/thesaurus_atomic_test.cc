// A thesaurus import killed with SIGKILL in the middle of its transaction (after
// the entries are staged, before the names and pages) leaves the previous
// snapshot usable and the next import succeeds (issue 3, "atomic").
// Thread-safety: single-threaded test binary (forks once).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kb/test_data.h"
#include "vigie/kb/import.h"
#include "vigie/kb/kb.h"

namespace vigie::kb {
namespace {

TEST(ThesaurusAtomic, KilledImportKeepsThePreviousVersion) {
  VIGIE_REQUIRE_DATA(data);
  std::string kb = testing::ScratchDir("th_kill") + "/kb.sqlite";
  auto env = NewPosixEnv();
  ASSERT_TRUE(ImportThesaurus(*env, kb, data + "/ansm-thesaurus/2009-06").ok());
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ImportOptions opts;
    opts.on_file_staged = [](std::string_view, int64_t) { raise(SIGKILL); };
    (void)ImportThesaurus(*env, kb, data + "/ansm-thesaurus/2010-12", opts);
    _exit(0);  // not reached
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  {
    auto opened = KnowledgeBase::Open(kb);
    ASSERT_TRUE(opened.ok());
    ASSERT_EQ((*opened)->snapshots().size(), 1u);
    EXPECT_EQ((*opened)->snapshots()[0].version, "2009-06");
    auto all = (*opened)->Interactions("2009-06");
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->size(), 2464u);  // the previous version is whole
    EXPECT_EQ((*opened)->Interactions("2010-12").status().code(), ErrorCode::kNotFound);
  }
  Result<ImportReport> retry = ImportThesaurus(*env, kb, data + "/ansm-thesaurus/2010-12");
  ASSERT_TRUE(retry.ok()) << retry.status().Message(Lang::kEn);
  EXPECT_FALSE(retry->already_imported);
  EXPECT_EQ(retry->entries, 2550);
}

}  // namespace
}  // namespace vigie::kb
