// Evidence evaluation on PubMedQA (issue 6): retrieval Recall@1/5/10 and MRR
// on the three dev sets for Vigie (Xapian + lexicon) and SQLite FTS5 bm25()
// over the same passages in the same run; abstention on the hand-written
// off-topic set (bench/data/abstention_questions.jsonl) and wrongful
// abstention on the answerable dev questions; faithfulness counts of the
// composer's answers as checked by the verifier.
// Usage: evidence_retrieval_bench [--min-coverage X]   (run from the repo root,
// or set VIGIE_SOURCE_DIR; data from $VIGIE_DATA or ../shared/data).
// Thread-safety: single-threaded program.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

#include "evidence_common.h"
#include "vigie/evidence/answer.h"

namespace vigie::bench {
namespace {

struct Question {
  std::string gold;
  std::string text;
};

std::vector<Question> ReadQuestions(const std::string& path) {
  std::vector<Question> out;
  std::istringstream in(Slurp(path));
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object()) out.push_back({j.value("pmid", ""), j.value("question", "")});
  }
  return out;
}

struct Metrics {
  double r1 = 0, r5 = 0, r10 = 0, mrr = 0;
};

template <typename SearchFn>
Metrics Evaluate(const std::vector<Question>& qs, SearchFn search) {
  Metrics m;
  for (const Question& q : qs) {
    std::vector<std::string> ids = search(q.text);
    for (size_t i = 0; i < ids.size() && i < 10; ++i) {
      if (ids[i] != q.gold) continue;
      m.r1 += i < 1 ? 1u : 0u;
      m.r5 += i < 5 ? 1u : 0u;
      m.r10 += 1;
      m.mrr += 1.0 / static_cast<double>(i + 1);
      break;
    }
  }
  double n = static_cast<double>(qs.size());
  return {m.r1 / n, m.r5 / n, m.r10 / n, m.mrr / n};
}

int Run(int argc, char** argv) {
  evidence::AnswerOptions options;
  evidence::PassageOptions windows;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--min-coverage") options.min_coverage = std::atof(argv[i + 1]);
    if (std::string(argv[i]) == "--window") windows.max_sentences = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--stride") windows.stride = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--max-chars") windows.max_chars = std::stoul(argv[i + 1]);
  }
  const char* src = std::getenv("VIGIE_SOURCE_DIR");
  std::string root = src != nullptr ? src : ".";
  std::string data = DataDir(root.c_str());
  std::string lit = data + "/literature/pubmedqa/";
  auto docs = evidence::ReadPubmedQaJsonl(Slurp(lit + "corpus.jsonl"), "corpus.jsonl");
  auto env = NewPosixEnv();
  auto lexicon = evidence::LoadLexicon(*env, root + "/data/lexicon");
  auto index = evidence::EvidenceIndex::InMemory();
  if (!docs.ok() || !lexicon.ok() || !index.ok()) {
    std::cerr << "cannot load corpus, lexicon or index (run from the repository root)\n";
    return 1;
  }
  Fts5Index fts(":memory:");
  for (const evidence::Document& d : *docs) {
    (void)(*index)->AddDocument(d, windows);
    for (const evidence::Passage& p : evidence::MakePassages(d, windows)) fts.Add(d.id, p.text);
  }
  fts.Finish();
  auto vigie = [&](const std::string& q) {
    std::vector<std::string> ids;
    auto hits = evidence::Search(**index, &*lexicon, {q, 10, true});
    if (hits.ok()) {
      for (const auto& h : *hits) ids.push_back(h.passage.doc_id);
    }
    return ids;
  };
  auto peer = [&](const std::string& q) { return fts.Search(q, 10); };
  std::printf("| set | n | engine | R@1 | R@5 | R@10 | MRR |\n|---|---|---|---|---|---|---|\n");
  std::vector<Question> all;
  for (const char* set : {"dev_questions", "dev_questions_fr", "dev_questions_para"}) {
    std::vector<Question> qs = ReadQuestions(lit + set + ".jsonl");
    all.insert(all.end(), qs.begin(), qs.end());
    for (int e = 0; e < 2; ++e) {
      Metrics m = e == 0 ? Evaluate(qs, vigie) : Evaluate(qs, peer);
      std::printf("| %s | %zu | %s | %.3f | %.3f | %.3f | %.3f |\n", set, qs.size(),
                  e == 0 ? "Vigie (Xapian)" : "SQLite FTS5", m.r1, m.r5, m.r10, m.mrr);
    }
  }
  // Abstention and faithfulness.
  std::vector<double> answerable_cov, offtopic_cov;  // coverage of the best hit
  size_t wrongly = 0, sentences = 0, cites_gold = 0;
  evidence::VerificationReport total;
  for (const Question& q : all) {
    evidence::VerificationReport r;
    auto hits = evidence::Search(**index, &*lexicon, {q.text, 10, true});
    if (!hits.ok()) continue;
    answerable_cov.push_back(hits->empty() ? 0.0 : hits->front().coverage);
    evidence::QueryPlan plan = evidence::PlanQuery(q.text, **index, &*lexicon);
    evidence::Answer composed = evidence::ComposeAnswer(plan, *hits, q.text, options);
    evidence::Answer a = evidence::VerifyAnswer(composed, &r);
    if (std::getenv("VIGIE_BENCH_DEBUG") != nullptr && r.numbers_dropped > 0) {
      for (const auto& s : composed.sentences) {
        for (const auto& n : evidence::NumbersWithUnits(s.text))
          std::printf("DBG [%s]\n", n.c_str());
      }
    }
    total.sentences_checked += r.sentences_checked;
    total.sentences_dropped += r.sentences_dropped;
    total.numbers_checked += r.numbers_checked;
    total.numbers_dropped += r.numbers_dropped;
    wrongly += a.abstained ? 1u : 0u;
    sentences += a.sentences.size();
    bool gold = false;
    for (const auto& c : a.citations) gold = gold || c.passage.doc_id == q.gold;
    cites_gold += gold ? 1u : 0u;
  }
  // Odd ids calibrate the threshold (with the dev questions), even ids measure.
  size_t abstained[2] = {0, 0}, asked[2] = {0, 0};
  std::istringstream in(Slurp(root + "/bench/data/abstention_questions.jsonl"));
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    size_t fr = j.value("lang", "") == "fr" ? 1u : 0u;
    if (j.value("id", 0) % 2 == 1) {
      auto top = evidence::Search(**index, &*lexicon, {j.value("question", ""), 10, true});
      offtopic_cov.push_back(top.ok() && !top->empty() ? top->front().coverage : 0.0);
      continue;
    }
    auto a = evidence::AskQuestion(**index, &*lexicon, j.value("question", ""), options);
    ++asked[fr];
    abstained[fr] += (!a.ok() || a->abstained) ? 1u : 0u;
  }
  std::printf("\nmin_coverage %.2f\n", options.min_coverage);
  std::printf(
      "abstention set, even ids (held out from calibration): %zu/%zu English, %zu/%zu French "
      "abstained (%.3f overall)\n",
      abstained[0], asked[0], abstained[1], asked[1],
      static_cast<double>(abstained[0] + abstained[1]) / static_cast<double>(asked[0] + asked[1]));
  std::printf(
      "answerable dev questions wrongly abstained: %zu/%zu (%.3f); answers citing the "
      "gold abstract: %zu\n",
      wrongly, all.size(), static_cast<double>(wrongly) / static_cast<double>(all.size()),
      cites_gold);
  std::printf(
      "faithfulness: %zu answer sentences, %zu composed sentences not in a cited passage, "
      "%zu of %zu numbers not in a cited passage\n",
      sentences, total.sentences_dropped, total.numbers_dropped, total.numbers_checked);
  std::printf(
      "\ncalibration (dev questions, odd-id off-topic questions): threshold -> answerable "
      "abstained / off-topic abstained\n");
  for (int t = 30; t <= 80; t += 5) {
    double th = t / 100.0;
    size_t a = 0, o = 0;
    for (double c : answerable_cov) a += c < th ? 1u : 0u;
    for (double c : offtopic_cov) o += c < th ? 1u : 0u;
    std::printf("  %.2f -> %.3f / %.3f\n", th,
                static_cast<double>(a) / static_cast<double>(answerable_cov.size()),
                static_cast<double>(o) / static_cast<double>(offtopic_cov.size()));
  }
  return 0;
}

}  // namespace
}  // namespace vigie::bench

int main(int argc, char** argv) { return vigie::bench::Run(argc, argv); }
