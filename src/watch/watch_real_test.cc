// The regulation watch on the real official data, imported once for the whole
// binary: the 15 ANSM thesaurus versions and the BDPM 2025-07 and 2026-01
// snapshots. Checks: the 14 consecutive thesaurus diffs run; the changes read
// by hand in the PDFs (testdata/thesaurus_changes.tsv, committed before this
// code) are found with the right kind, levels and pages; reflexivity;
// symmetry; BDPM added/withdrawn presentations and specialties equal the set
// differences counted here directly from the raw files.
// Thread-safety: single-threaded test binary.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "kb/test_data.h"
#include "vigie/kb/import.h"
#include "vigie/watch/watch.h"

namespace vigie::watch {
namespace {

const char* const kVersions[] = {"2009-06", "2010-12", "2011-09", "2012-03", "2012-12",
                                 "2013-07", "2014-01", "2015-01", "2015-06", "2016-01",
                                 "2016-09", "2018-03", "2019-09", "2020-10", "2023-09"};

class RealKb : public ::testing::Environment {
 public:
  void SetUp() override {
    data_ = kb::testing::DataDir();
    if (data_.empty()) return;
    path_ = kb::testing::ScratchDir("watch_kb") + "/kb.sqlite";
    auto env = NewPosixEnv();
    for (const char* v : kVersions) {
      auto r = kb::ImportThesaurus(*env, path_, data_ + "/ansm-thesaurus/" + v);
      ASSERT_TRUE(r.ok()) << v << ": " << r.status().Message(Lang::kEn);
    }
    for (const char* v : {"2025-07", "2026-01"}) {
      auto r = kb::ImportBdpm(*env, path_, data_ + "/bdpm/" + v);
      ASSERT_TRUE(r.ok()) << v << ": " << r.status().Message(Lang::kEn);
    }
    auto opened = kb::KnowledgeBase::Open(path_);
    ASSERT_TRUE(opened.ok());
    kb_ = std::move(opened).value();
  }
  void TearDown() override { kb_.reset(); }
  static inline std::string data_, path_;
  static inline std::unique_ptr<kb::KnowledgeBase> kb_;
};

const auto* const kEnv = ::testing::AddGlobalTestEnvironment(new RealKb);

class WatchRealTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (RealKb::kb_ == nullptr) GTEST_SKIP() << "données officielles absentes : test ignoré";
  }
  static DiffResult Run(const std::string& from, const std::string& to, const std::string& source,
                        const std::string& substance = "") {
    Result<DiffResult> d = Diff(*RealKb::kb_, {from, to, source, substance});
    EXPECT_TRUE(d.ok()) << from << " → " << to << ": " << d.status().Message(Lang::kEn);
    return d.ok() ? std::move(d).value() : DiffResult{};
  }
};

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string f; std::getline(in, f, sep);) out.push_back(f);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::set<int> Pages(const std::string& s) {
  std::set<int> out;
  if (s == "-") return out;
  for (const std::string& p : Split(s, ',')) out.insert(std::stoi(p));
  return out;
}

std::vector<std::string> Levels(const std::string& s) {
  return s == "-" ? std::vector<std::string>{} : Split(s, ',');
}

using PairKey = std::pair<std::string, std::string>;
PairKey Key(const std::string& x, const std::string& y) {
  std::string a = NormaliseName(x), b = NormaliseName(y);
  return a < b ? PairKey{a, b} : PairKey{b, a};
}

TEST_F(WatchRealTest, EveryConsecutiveThesaurusPairDiffs) {
  for (size_t i = 1; i < std::size(kVersions); ++i) {
    DiffResult d = Run(kVersions[i - 1], kVersions[i], "thesaurus");
    EXPECT_FALSE(d.changes.empty()) << kVersions[i];
    EXPECT_EQ(d.ToJson()["summary"]["total"], d.changes.size());
    for (const Change& c : d.changes) {
      EXPECT_FALSE(c.a.empty()) << c.kind;
      EXPECT_FALSE(c.b.empty()) << c.kind;
    }
  }
}

TEST_F(WatchRealTest, ChangesReadInThePdfsAreFound) {
  std::ifstream in(kb::testing::SourceDir() + "/src/watch/testdata/thesaurus_changes.tsv");
  ASSERT_TRUE(in.good());
  int rows = 0;
  std::map<std::pair<std::string, std::string>, DiffResult> diffs;  // one diff per version pair
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = Split(line, '\t');
    ASSERT_EQ(f.size(), 12u) << line;
    ++rows;
    const std::string &kind = f[2], &a = f[3], &b = f[4], &b_after = f[5];
    SCOPED_TRACE(f[0] + " → " + f[1] + " " + kind + " " + a + " + " + b);
    auto cached = diffs.find({f[0], f[1]});
    if (cached == diffs.end())
      cached = diffs.emplace(std::pair{f[0], f[1]}, Run(f[0], f[1], "thesaurus")).first;
    const DiffResult& d = cached->second;
    const Change* found = nullptr;
    for (const Change& c : d.changes) {
      bool member = kind.starts_with("member_");
      bool same = kind == "renamed" ? NormaliseName(c.a) == NormaliseName(a) &&
                                          NormaliseName(c.before) == NormaliseName(b) &&
                                          NormaliseName(c.after) == NormaliseName(b_after)
                  : member ? NormaliseName(c.a) == NormaliseName(a) &&
                                 NormaliseName(c.b) == NormaliseName(b)
                           : Key(c.a, c.b) == Key(a, b);
      if (same && (c.kind == kind || c.kind != "renamed")) found = &c;
      if (same && c.kind == kind) break;
    }
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->kind, kind);
    if (kind.starts_with("member_")) continue;  // index pages: kind only
    EXPECT_EQ(found->from_levels, Levels(f[6]));
    EXPECT_EQ(found->to_levels, Levels(f[7]));
    std::set<int> fp = Pages(f[8]), tp = Pages(f[9]);
    if (fp.empty()) {
      EXPECT_EQ(found->from_page, 0);
    } else {
      EXPECT_TRUE(fp.count(found->from_page)) << found->from_page;
    }
    if (tp.empty()) {
      EXPECT_EQ(found->to_page, 0);
    } else {
      EXPECT_TRUE(tp.count(found->to_page)) << found->to_page;
    }
    if (f[10] != "-") {
      bool out = false, ins = false;
      for (const DiffPiece& p : found->diff) {
        for (const std::string& w : Split(p.text, ' ')) {
          out |= p.op == '-' && w.find(f[10]) == 0;
          ins |= p.op == '+' && w.find(f[11]) == 0;
        }
      }
      EXPECT_TRUE(out) << f[10];
      EXPECT_TRUE(ins) << f[11];
    }
  }
  EXPECT_GE(rows, 15);
}

TEST_F(WatchRealTest, AVersionAgainstItselfHasNoChange) {
  for (const char* v : kVersions) {
    EXPECT_TRUE(Run(v, v, "thesaurus").changes.empty()) << v;
  }
  for (const char* v : {"2025-07", "2026-01"}) {
    EXPECT_TRUE(Run(v, v, "bdpm").changes.empty()) << v;
  }
}

// Pairs only in the older version (removed, or the old side of a rename).
std::set<PairKey> Gone(const std::vector<Change>& changes) {
  std::set<PairKey> out;
  for (const Change& c : changes) {
    if (c.kind == "removed") out.insert(Key(c.a, c.b));
    if (c.kind == "renamed") out.insert(Key(c.a, c.before));
  }
  return out;
}
std::set<PairKey> New(const std::vector<Change>& changes) {
  std::set<PairKey> out;
  for (const Change& c : changes) {
    if (c.kind == "added") out.insert(Key(c.a, c.b));
    if (c.kind == "renamed") out.insert(Key(c.a, c.after));
  }
  return out;
}
std::map<PairKey, std::pair<std::vector<std::string>, std::vector<std::string>>> LevelMoves(
    const std::vector<Change>& changes, bool swap) {
  std::map<PairKey, std::pair<std::vector<std::string>, std::vector<std::string>>> out;
  for (const Change& c : changes) {
    if (c.kind != "level_changed") continue;
    out[Key(c.a, c.b)] =
        swap ? std::pair{c.to_levels, c.from_levels} : std::pair{c.from_levels, c.to_levels};
  }
  return out;
}

TEST_F(WatchRealTest, SwappingFromAndToSwapsAddedAndRemoved) {
  for (auto [x, y] : {std::pair{"2019-09", "2020-10"}, std::pair{"2020-10", "2023-09"},
                      std::pair{"2009-06", "2023-09"}, std::pair{"2011-09", "2012-03"}}) {
    SCOPED_TRACE(std::string(x) + " ↔ " + y);
    DiffResult fwd = Run(x, y, "thesaurus"), back = Run(y, x, "thesaurus");
    EXPECT_EQ(Gone(fwd.changes), New(back.changes));
    EXPECT_EQ(New(fwd.changes), Gone(back.changes));
    EXPECT_EQ(LevelMoves(fwd.changes, false), LevelMoves(back.changes, true));
    auto counts_f = CountByKind(fwd.changes), counts_b = CountByKind(back.changes);
    EXPECT_EQ(counts_f["text_changed"], counts_b["text_changed"]);
    EXPECT_EQ(counts_f["member_added"], counts_b["member_removed"]);
    EXPECT_EQ(counts_f["member_removed"], counts_b["member_added"]);
  }
  DiffResult fwd = Run("2025-07", "2026-01", "bdpm"), back = Run("2026-01", "2025-07", "bdpm");
  auto f = CountByKind(fwd.changes), b = CountByKind(back.changes);
  EXPECT_EQ(f["presentation_added"], b["presentation_withdrawn"]);
  EXPECT_EQ(f["specialty_withdrawn"], b["specialty_added"]);
}

// Column `col` of every line of a raw BDPM file (bytes, no decoding: codes are ASCII).
std::set<std::string> RawColumn(const std::string& path, size_t col, size_t digits) {
  std::ifstream in(path, std::ios::binary);
  std::set<std::string> out;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f = Split(line, '\t');
    if (f.size() > col && f[col].size() == digits) out.insert(f[col]);
  }
  return out;
}

size_t Minus(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t n = 0;
  for (const std::string& x : a) {
    if (b.count(x) == 0) ++n;
  }
  return n;
}

TEST_F(WatchRealTest, BdpmAddedAndWithdrawnEqualTheRawFileDifferences) {
  const std::string old_dir = RealKb::data_ + "/bdpm/2025-07/",
                    new_dir = RealKb::data_ + "/bdpm/2026-01/";
  auto cip_old = RawColumn(old_dir + "CIS_CIP_bdpm.txt", 6, 13);
  auto cip_new = RawColumn(new_dir + "CIS_CIP_bdpm.txt", 6, 13);
  auto cis_old = RawColumn(old_dir + "CIS_bdpm.txt", 0, 8);
  auto cis_new = RawColumn(new_dir + "CIS_bdpm.txt", 0, 8);
  ASSERT_GT(cip_old.size(), 10000u);
  DiffResult d = Run("2025-07", "2026-01", "bdpm");
  auto counts = CountByKind(d.changes);
  EXPECT_EQ(static_cast<size_t>(counts["presentation_added"]), Minus(cip_new, cip_old));
  EXPECT_EQ(static_cast<size_t>(counts["presentation_withdrawn"]), Minus(cip_old, cip_new));
  EXPECT_EQ(static_cast<size_t>(counts["specialty_added"]), Minus(cis_new, cis_old));
  EXPECT_EQ(static_cast<size_t>(counts["specialty_withdrawn"]), Minus(cis_old, cis_new));
  EXPECT_GT(counts["presentation_added"], 0);
  // Both snapshots lack the HAS opinions: reported as not compared.
  bool smr = false;
  for (const FileNote& n : d.bdpm_not_compared) smr |= n.file == "CIS_HAS_SMR_bdpm.txt";
  EXPECT_TRUE(smr);
  EXPECT_EQ(d.bdpm_compared.size(), 6u);  // the watched files both have
}

TEST_F(WatchRealTest, SubstanceFilterHistoryAndMarkdown) {
  DiffResult d = Run("2020-10", "2023-09", "", "Méthotrexate");
  ASSERT_EQ(d.sources, std::vector<std::string>{"thesaurus"});
  bool split = false;
  for (const Change& c : d.changes) {
    EXPECT_TRUE(NormaliseName(c.a + " " + c.b + " " + c.before).find("METHOTREXATE") !=
                    std::string::npos ||
                !c.via_class.empty())
        << c.a << " + " << c.b;
    split |= c.kind == "level_changed" && Key(c.a, c.b) == Key("METHOTREXATE", "TRIMETHOPRIME");
  }
  EXPECT_TRUE(split);
  std::string md = d.Markdown();
  EXPECT_NE(md.find("CI → CI, ASDEC"), std::string::npos) << md.substr(0, 2000);
  EXPECT_NE(md.find(d.SummaryLine().substr(d.SummaryLine().find(" : ") + 3)), std::string::npos);

  Result<nlohmann::json> h = History(*RealKb::kb_, "méthotrexate", "thesaurus");
  ASSERT_TRUE(h.ok());
  bool found_2023 = false, found_2018 = false;
  for (const auto& step : (*h)["timeline"]) {
    for (const auto& c : step["changes"]) {
      if (c["kind"] != "level_changed") continue;
      PairKey k = Key(c["a"], c["b"]);
      found_2023 |= step["to"] == "2023-09" && k == Key("METHOTREXATE", "TRIMETHOPRIME") &&
                    c["to_levels"] == nlohmann::json({"CI", "ASDEC"});
      found_2018 |= step["to"] == "2018-03" && k == Key("ACITRETINE", "METHOTREXATE");
    }
  }
  EXPECT_TRUE(found_2023);
  EXPECT_TRUE(found_2018);
}

TEST_F(WatchRealTest, ClearErrors) {
  EXPECT_EQ(Diff(*RealKb::kb_, {"2020-10", "2021-01", "thesaurus", ""}).status().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(Diff(*RealKb::kb_, {"2020-10", "2023-09", "x", ""}).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(Diff(*RealKb::kb_, {"2020-10", "2026-01", "", ""}).status().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(History(*RealKb::kb_, " ,", "").status().code(), ErrorCode::kMissingInput);
}

}  // namespace
}  // namespace vigie::watch
