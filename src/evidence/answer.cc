// The extractive composer: sentences of the best passages that share the most
// query concepts, each citing its passage; abstains below the coverage
// threshold. Thread-safety: pure functions.
#include <xapian.h>
#include <algorithm>

#include "evidence/query_words.h"
#include "vigie/core/text.h"
#include "vigie/evidence/answer.h"

namespace vigie::evidence {
namespace {

struct Candidate {
  std::string text;
  size_t citation = 0;
  size_t order = 0;  // passage rank, then position in the passage
  double score = 0;
};

// Share of the plan's concepts present in `sentence` (stems in either language).
double SentenceScore(const QueryPlan& plan, const std::string& sentence) {
  // A Xapian::Stem keeps per-call buffers: one per thread (HTTP threads share this code).
  thread_local const Xapian::Stem kEn("english");
  thread_local const Xapian::Stem kFr("french");
  std::vector<std::string> stems;
  for (const std::string& w : FoldedWords(text::Fold(sentence))) {
    stems.push_back(kEn(w));
    stems.push_back(kFr(w));
  }
  std::sort(stems.begin(), stems.end());
  double hits = 0;
  for (const auto& alternatives : plan.concepts) {
    for (const std::string& alt : alternatives) {
      if (std::binary_search(stems.begin(), stems.end(), kEn(alt)) ||
          std::binary_search(stems.begin(), stems.end(), kFr(alt))) {
        hits += 1;
        break;
      }
    }
  }
  return plan.concepts.empty() ? 0 : hits / static_cast<double>(plan.concepts.size());
}

bool LooksFrench(const std::string& question) { return DetectLang(question) == "fr"; }

}  // namespace

std::string AbstentionMessage(bool french) {
  return french ? "Aucune donnée trouvée dans le corpus" : "No evidence found in the corpus";
}

Answer ComposeAnswer(const QueryPlan& plan, const std::vector<Hit>& hits,
                     const std::string& question, const AnswerOptions& options) {
  Answer answer;
  answer.lang = LooksFrench(question) ? "fr" : "en";
  std::vector<Candidate> candidates;
  // A clear winner (large gap to the second hit) needs less coverage.
  double gap = hits.empty() ? 0.0 : hits[0].score - (hits.size() > 1 ? hits[1].score : 0.0);
  double min_coverage =
      std::max(options.min_coverage_floor, options.min_coverage - options.gap_weight * gap);
  for (const Hit& hit : hits) {
    if (answer.citations.size() >= options.max_passages) break;
    if (hit.coverage < min_coverage) continue;
    size_t citation = answer.citations.size();
    answer.citations.push_back({hit.passage});
    size_t n = 0;
    for (const Span& s : SentenceByteSpans(hit.passage.text)) {
      Candidate c;
      c.text = hit.passage.text.substr(s.start, s.end - s.start);
      c.citation = citation;
      c.order = citation * 1000 + n++;
      // Earlier passages are preferred at equal overlap.
      c.score = SentenceScore(plan, c.text) - 0.01 * static_cast<double>(citation);
      candidates.push_back(std::move(c));
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (candidates.size() > options.max_sentences) candidates.resize(options.max_sentences);
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.order < b.order; });
  for (const Candidate& c : candidates) {
    if (c.score <= 0) continue;
    answer.sentences.push_back({c.text, {c.citation}});
  }
  // Only passages that an answer sentence cites stay as citations.
  std::vector<Citation> used;
  std::vector<size_t> remap(answer.citations.size(), SIZE_MAX);
  for (AnswerSentence& s : answer.sentences) {
    for (size_t& i : s.citations) {
      if (remap[i] == SIZE_MAX) {
        remap[i] = used.size();
        used.push_back(answer.citations[i]);
      }
      i = remap[i];
    }
  }
  answer.citations = std::move(used);
  if (answer.sentences.empty()) {
    answer.abstained = true;
    answer.citations.clear();
    answer.message = AbstentionMessage(answer.lang == "fr");
  }
  return answer;
}

Result<Answer> AskQuestion(const EvidenceIndex& index, const Lexicon* lexicon,
                           const std::string& question, const AnswerOptions& options,
                           VerificationReport* report) {
  Result<std::vector<Hit>> hits = Search(index, lexicon, {question, 10, true});
  if (!hits.ok()) return hits.status();
  QueryPlan plan = PlanQuery(question, index, lexicon);
  return VerifyAnswer(ComposeAnswer(plan, *hits, question, options), report);
}

}  // namespace vigie::evidence
