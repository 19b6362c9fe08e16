// Test helper shared by the tests that run the case files of tests/check/
// (prescriptions.jsonl, posology_prescriptions.jsonl; format in
// tests/check/README.md) through the real check engine: the KB built from
// the official data, the authored content of data/, the finding matchers and
// the per-case expectations. Header-only (gtest assertions).
// Thread-safety: call from the test thread.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kb/test_data.h"
#include "vigie/check/check.h"
#include "vigie/kb/import.h"

namespace vigie::check::testing {

inline std::string ReadTextFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// One JSON object per non-empty line.
inline std::vector<nlohmann::json> ReadCases(const std::string& path) {
  std::vector<nlohmann::json> cases;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) cases.push_back(nlohmann::json::parse(line));
  }
  return cases;
}

// The authored content of data/posology and data/check, as `vigie serve`
// reads it.
inline Result<CheckContent> RepositoryContent() {
  std::vector<ContentFile> files;
  for (const char* sub : {"posology", "check"}) {
    std::string dir = kb::testing::SourceDir() + "/data/" + sub;
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
      files.emplace_back(std::string(sub) + "/" + f.path().filename().string(),
                         ReadTextFile(f.path().string()));
    }
  }
  return ParseCheckContent(files);
}

// A KB at `path` built from the official BDPM snapshots and thesaurus
// versions named, loaded for the check with the repository's content. Null
// (with a failed assertion) when a step fails.
inline std::shared_ptr<const CheckKnowledge> BuildKnowledge(
    const std::string& data, const std::string& path, const std::vector<std::string>& bdpm,
    const std::vector<std::string>& thesaurus) {
  auto env = NewPosixEnv();
  for (const std::string& v : bdpm) {
    EXPECT_TRUE(kb::ImportBdpm(*env, path, data + "/bdpm/" + v).ok()) << v;
  }
  for (const std::string& v : thesaurus) {
    EXPECT_TRUE(kb::ImportThesaurus(*env, path, data + "/ansm-thesaurus/" + v).ok()) << v;
  }
  auto kb = kb::KnowledgeBase::Open(path);
  auto index = kb::LoadDrugIndex(path);
  auto content = RepositoryContent();
  if (!kb.ok() || !index.ok() || !content.ok()) {
    ADD_FAILURE() << "KB or content unavailable: " << path;
    return nullptr;
  }
  auto k = CheckKnowledge::Load(**kb, path, *index, *content);
  if (!k.ok()) {
    ADD_FAILURE() << k.status().Message(Lang::kEn);
    return nullptr;
  }
  return *k;
}

// The check's JSON response to a request body; {} (with a failed
// assertion) when the request or the check fails.
inline nlohmann::json RunCheck(const CheckKnowledge& k, const nlohmann::json& request) {
  auto req = RequestFromJson(request);
  EXPECT_TRUE(req.ok()) << req.status().Message(Lang::kEn);
  if (!req.ok()) return nlohmann::json::object();
  auto out = Check(k, *req);
  EXPECT_TRUE(out.ok()) << out.status().Message(Lang::kEn);
  return out.ok() ? *out : nlohmann::json::object();
}

// A finding against a matcher of a case file: every member the matcher names
// must agree (kind; lines, level, code, match, version, resolved; pages: one
// of; levels: all the entry's levels in order).
inline bool FindingMatches(const nlohmann::json& f, const nlohmann::json& m) {
  if (f["kind"] != m["kind"]) return false;
  if (m.contains("lines") && f["lines"] != m["lines"]) return false;
  if (m.contains("level") && f["level"] != m["level"]) return false;
  if (m.contains("code") && f.value("code", "") != m["code"]) return false;
  if (m.contains("match") && f.value("match", "") != m["match"]) return false;
  if (m.contains("version") && f["source"].value("version", "") != m["version"]) return false;
  if (m.contains("resolved") && f.value("resolved", nlohmann::json()) != m["resolved"])
    return false;
  if (m.contains("pages")) {
    bool page = false;
    for (const nlohmann::json& p : m["pages"]) page = page || f["source"].value("page", 0) == p;
    if (!page) return false;
  }
  if (m.contains("levels")) {
    std::vector<std::string> got;
    for (const nlohmann::json& l : f["levels"]) got.push_back(l["level"]);
    if (nlohmann::json(got) != m["levels"]) return false;
  }
  return true;
}

// Every expectation of one case on the check's response: `expect` matchers
// hit, `absent` ones never, the `unresolved` line indexes exactly (none when
// the case names none), the `not_evaluated` words present, and a source
// document on every finding.
inline void ExpectCase(const nlohmann::json& c, const nlohmann::json& out) {
  using nlohmann::json;
  ASSERT_TRUE(out.contains("findings"));
  for (const json& m : c["expect"]) {
    bool hit = false;
    for (const json& f : out["findings"]) hit = hit || FindingMatches(f, m);
    EXPECT_TRUE(hit) << "expected " << m.dump() << "\ngot " << out["findings"].dump(1) << "\nlines "
                     << out["lines"].dump() << "\nunresolved " << out["unresolved"].dump()
                     << "\nnot evaluated " << out["not_evaluated"].dump();
  }
  for (const json& m : c["absent"]) {
    for (const json& f : out["findings"])
      EXPECT_FALSE(FindingMatches(f, m)) << "unexpected " << f.dump();
  }
  std::vector<size_t> unresolved;
  for (const json& u : out["unresolved"]) unresolved.push_back(u["index"]);
  EXPECT_EQ(json(unresolved), c.value("unresolved", json::array())) << out["unresolved"].dump();
  for (const json& w : c.value("not_evaluated", json::array())) {
    EXPECT_NE(out["not_evaluated"].dump().find(w.get<std::string>()), std::string::npos)
        << out["not_evaluated"].dump();
  }
  for (const json& f : out["findings"]) {
    EXPECT_FALSE(f["source"].value("document", "").empty()) << f.dump();
  }
}

}  // namespace vigie::check::testing
