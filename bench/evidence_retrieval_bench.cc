// Evidence evaluation on PubMedQA (issue 6): retrieval Recall@1/5/10 and MRR
// on the three dev sets for Vigie (Xapian + lexicon) and SQLite FTS5 bm25()
// over the same passages in the same run; abstention on the hand-written
// off-topic set (bench/data/abstention_questions.jsonl) and wrongful
// abstention on the answerable dev questions; faithfulness counts of the
// composer's answers as checked by the verifier.
// Usage: evidence_retrieval_bench [--min-coverage X [--gap-weight W]] [--wordnet DIR|none]
// [--senses N] [--pertainyms 0|1] [--derivations 0|1] [--k1 X] [--b X]
// [--b-passages X] [--whole-share X] [--feedback-docs N] [--feedback-terms N]
// [--feedback-weight X] [--tune-bm25 [passages|given]]   (run from the repo root,
// or set VIGIE_SOURCE_DIR; data from $VIGIE_DATA or ../shared/data).
// --tune-bm25 measures on a split of the corpus instead (each abstract's MeSH
// headings as its query, against the abstracts without headings): the
// question files play no part in choosing parameters.
// Thread-safety: single-threaded program.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

#include "evidence_common.h"
#include "vigie/evidence/answer.h"
#include "vigie/evidence/wordnet.h"

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

// BM25 k1 and b chosen without the question sets: a split of the corpus
// itself. Each abstract's MeSH headings (the indexers' words, not the
// authors') are its query, against an index of the abstracts without their
// headings; R@10 and MRR for a grid of (k1, b).
int TuneBm25(std::vector<evidence::Document> docs, const evidence::Lexicon& lexicon,
             evidence::SearchRequest base, evidence::IndexOptions index_options, bool passages_only,
             bool given_only) {
  std::vector<Question> qs;
  for (evidence::Document& d : docs) {
    std::string q;
    for (const std::string& k : d.keywords) q += (q.empty() ? "" : ", ") + k;
    if (!q.empty()) qs.push_back({d.id, q});
    d.keywords.clear();
  }
  std::printf("BM25 grid on the corpus split (%zu abstracts, MeSH headings as queries)\n",
              qs.size());
  std::printf("| k1 | b | R@1 | R@10 | MRR |\n|---|---|---|---|---|\n");
  // "--tune-bm25 passages": b of the passage records only, k1 and b as given.
  std::vector<double> k1s = {0.6, 0.9, 1.2, 1.5, 2.0};
  std::vector<double> bs = {0.0, 0.2, 0.4, 0.6, 0.75, 0.9};
  if (passages_only) k1s = {base.bm25_k1};
  if (given_only) {
    k1s = {base.bm25_k1};
    bs = {passages_only ? index_options.bm25_b_passages : index_options.bm25_b};
  }
  for (double b : bs) {
    // b is applied when the records are indexed: one index per b.
    (passages_only ? index_options.bm25_b_passages : index_options.bm25_b) = b;
    if (!passages_only) index_options.bm25_b_passages = b;
    auto index = evidence::EvidenceIndex::InMemory(index_options);
    if (!index.ok()) return 1;
    for (const evidence::Document& d : docs) (void)(*index)->AddDocument(d);
    for (double k1 : k1s) {
      base.bm25_k1 = k1;
      Metrics m = Evaluate(qs, [&](const std::string& q) {
        std::vector<std::string> ids;
        evidence::SearchRequest r = base;
        r.query = q;
        auto hits = evidence::Search(**index, &lexicon, r);
        if (hits.ok()) {
          for (const auto& h : *hits) ids.push_back(h.passage.doc_id);
        }
        return ids;
      });
      std::printf("| %.1f | %.2f%s | %.3f | %.3f | %.3f |\n", k1, b,
                  passages_only ? " (passages; whole text 0.4)" : "", m.r1, m.r10, m.mrr);
      std::fflush(stdout);
    }
  }
  return 0;
}

int Run(int argc, char** argv) {
  evidence::AnswerOptions options;
  evidence::PassageOptions windows;
  evidence::SearchRequest base;  // the defaults of the CLI and HTTP unless given
  evidence::IndexOptions index_options;
  bool tune_bm25 = false;
  bool tune_passages = false;
  bool tune_given = false;  // "--tune-bm25 given": the split at the given parameters only
  for (int i = 1; i < argc; ++i) {
    tune_bm25 = tune_bm25 || std::string(argv[i]) == "--tune-bm25";
    tune_passages = tune_passages || (std::string(argv[i]) == "--tune-bm25" && i + 1 < argc &&
                                      std::string(argv[i + 1]) == "passages");
    tune_given = tune_given || (std::string(argv[i]) == "--tune-bm25" && i + 1 < argc &&
                                std::string(argv[i + 1]) == "given");
  }
  bool fixed_rule = false;  // --min-coverage given: no calibration
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--min-coverage") {
      options.min_coverage = std::atof(argv[i + 1]);
      fixed_rule = true;
    }
    if (std::string(argv[i]) == "--gap-weight") options.gap_weight = std::atof(argv[i + 1]);
    if (std::string(argv[i]) == "--window") windows.max_sentences = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--stride") windows.stride = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--max-chars") windows.max_chars = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--k1") base.bm25_k1 = std::atof(argv[i + 1]);
    if (std::string(argv[i]) == "--b") index_options.bm25_b = std::atof(argv[i + 1]);
    if (std::string(argv[i]) == "--whole-share") base.whole_share = std::atof(argv[i + 1]);
    if (std::string(argv[i]) == "--b-passages")
      index_options.bm25_b_passages = std::atof(argv[i + 1]);
    if (std::string(argv[i]) == "--feedback-docs") base.feedback_docs = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--feedback-terms") base.feedback_terms = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--feedback-weight") base.feedback_weight = std::atof(argv[i + 1]);
  }
  const char* src = std::getenv("VIGIE_SOURCE_DIR");
  std::string root = src != nullptr ? src : ".";
  std::string data = DataDir(root.c_str());
  std::string lit = data + "/literature/pubmedqa/";
  auto docs = evidence::ReadPubmedQaJsonl(Slurp(lit + "corpus.jsonl"), "corpus.jsonl");
  auto env = NewPosixEnv();
  auto lexicon = evidence::LoadLexicon(*env, root + "/data/lexicon");
  evidence::WordNetOptions wordnet;
  std::string wordnet_dir = "/usr/share/wordnet";
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string(argv[i]) == "--wordnet") wordnet_dir = argv[i + 1];
    if (std::string(argv[i]) == "--senses") wordnet.senses = std::stoul(argv[i + 1]);
    if (std::string(argv[i]) == "--pertainyms") wordnet.pertainyms = argv[i + 1][0] == '1';
    if (std::string(argv[i]) == "--derivations") wordnet.derivations = argv[i + 1][0] == '1';
  }
  if (lexicon.ok() && wordnet_dir != "none") {
    auto added = evidence::LoadWordNet(*env, wordnet_dir, *lexicon, wordnet);
    std::printf("WordNet %s: %s synonym pairs (senses %zu, pertainyms %d, derivations %d)\n\n",
                wordnet_dir.c_str(), added.ok() ? std::to_string(*added).c_str() : "not loaded",
                wordnet.senses, wordnet.pertainyms ? 1 : 0, wordnet.derivations ? 1 : 0);
  }
  if (tune_bm25 && docs.ok() && lexicon.ok())
    return TuneBm25(*docs, *lexicon, base, index_options, tune_passages, tune_given);
  auto index = evidence::EvidenceIndex::InMemory(index_options);
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
    evidence::SearchRequest request = base;
    request.query = q;
    auto hits = evidence::Search(**index, &*lexicon, request);
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
  // Abstention. Protocol: the rule's two parameters are chosen on the
  // calibration half (dev questions of odd pmid, off-topic questions of odd
  // id) and measured on the other half (even pmid, even id), never used to
  // choose them. Features of a question: best hit's coverage and its score
  // gap to the second hit.
  struct Features {
    double coverage = 0, gap = 0;
    bool calibration = false;
  };
  auto features = [&](const std::string& text, bool calibration) {
    Features f;
    f.calibration = calibration;
    auto hits = evidence::Search(**index, &*lexicon, {text, 10, true});
    if (hits.ok() && !hits->empty()) {
      f.coverage = hits->front().coverage;
      f.gap = hits->front().score - (hits->size() > 1 ? (*hits)[1].score : 0.0);
    }
    return f;
  };
  auto odd = [](const std::string& digits) {
    return !digits.empty() && (digits.back() - '0') % 2 == 1;
  };
  std::vector<Features> answerable, offtopic;
  for (const Question& q : all) answerable.push_back(features(q.text, odd(q.gold)));
  struct OffTopic {
    std::string text;
    bool fr = false, calibration = false;
  };
  std::vector<OffTopic> off;
  std::istringstream in(Slurp(root + "/bench/data/abstention_questions.jsonl"));
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    off.push_back(
        {j.value("question", ""), j.value("lang", "") == "fr", j.value("id", 0) % 2 == 1});
    offtopic.push_back(features(off.back().text, off.back().calibration));
  }
  // Share of a half abstained by the rule (coverage + w * gap < t).
  auto share = [](const std::vector<Features>& v, bool calibration, double w, double t) {
    size_t n = 0, a = 0;
    for (const Features& f : v) {
      if (f.calibration != calibration) continue;
      ++n;
      a += f.coverage + w * f.gap < t ? 1u : 0u;
    }
    return n == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(n);
  };
  std::printf(
      "\nabstention rule grid (calibration half): for each gap weight, the lowest threshold "
      "whose off-topic abstention >= 0.95; answerable abstained / off-topic abstained on the "
      "calibration half, then on the held-out half\n");
  double best_w = 0, best_t = options.min_coverage, best_wrong = 2;
  for (double w : {0.0, 0.25, 0.5, 1.0, 2.0, 4.0}) {
    for (int ti = 20; ti <= 300; ++ti) {
      double t = ti / 100.0;
      if (share(offtopic, true, w, t) < 0.95) continue;
      double wrong = share(answerable, true, w, t);
      std::printf("  w %.2f t %.2f: %.3f / %.3f | held out %.3f / %.3f\n", w, t, wrong,
                  share(offtopic, true, w, t), share(answerable, false, w, t),
                  share(offtopic, false, w, t));
      if (wrong < best_wrong) best_w = w, best_t = t, best_wrong = wrong;
      break;
    }
  }
  if (!fixed_rule) {
    options.gap_weight = best_w;
    options.min_coverage = best_t;
  }
  // The whole pipeline (search, compose, verify) with the chosen rule.
  size_t wrongly[2] = {0, 0}, asked_dev[2] = {0, 0}, sentences = 0, cites_gold = 0;
  evidence::VerificationReport total;
  for (size_t i = 0; i < all.size(); ++i) {
    const Question& q = all[i];
    evidence::VerificationReport r;
    auto a = evidence::AskQuestion(**index, &*lexicon, q.text, options, &r);
    if (!a.ok()) continue;
    total.sentences_checked += r.sentences_checked;
    total.sentences_dropped += r.sentences_dropped;
    total.numbers_checked += r.numbers_checked;
    total.numbers_dropped += r.numbers_dropped;
    size_t half = answerable[i].calibration ? 0u : 1u;
    ++asked_dev[half];
    wrongly[half] += a->abstained ? 1u : 0u;
    sentences += a->sentences.size();
    bool gold = false;
    for (const auto& c : a->citations) gold = gold || c.passage.doc_id == q.gold;
    cites_gold += gold ? 1u : 0u;
  }
  size_t abstained[2][2] = {{0, 0}, {0, 0}}, asked[2][2] = {{0, 0}, {0, 0}};  // [half][fr]
  for (const OffTopic& o : off) {
    auto a = evidence::AskQuestion(**index, &*lexicon, o.text, options);
    size_t half = o.calibration ? 0u : 1u, fr = o.fr ? 1u : 0u;
    ++asked[half][fr];
    abstained[half][fr] += (!a.ok() || a->abstained) ? 1u : 0u;
  }
  auto ratio = [](size_t a, size_t b) {
    return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
  };
  std::printf("\nrule: min_coverage %.2f, gap_weight %.2f%s\n", options.min_coverage,
              options.gap_weight, fixed_rule ? " (given)" : " (chosen on the calibration half)");
  for (size_t h = 0; h < 2; ++h) {
    std::printf(
        "%s half: off-topic abstained %zu/%zu English, %zu/%zu French (%.3f); answerable "
        "wrongly abstained %zu/%zu (%.3f)\n",
        h == 0 ? "calibration" : "held-out", abstained[h][0], asked[h][0], abstained[h][1],
        asked[h][1], ratio(abstained[h][0] + abstained[h][1], asked[h][0] + asked[h][1]),
        wrongly[h], asked_dev[h], ratio(wrongly[h], asked_dev[h]));
  }
  std::printf("answers citing the gold abstract: %zu/%zu\n", cites_gold, all.size());
  std::printf(
      "faithfulness: %zu answer sentences, %zu composed sentences not in a cited passage, "
      "%zu of %zu numbers not in a cited passage\n",
      sentences, total.sentences_dropped, total.numbers_dropped, total.numbers_checked);
  return 0;
}

}  // namespace
}  // namespace vigie::bench

int main(int argc, char** argv) { return vigie::bench::Run(argc, argv); }
