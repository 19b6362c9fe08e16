// Extractive answers and their verifier. The composer picks sentences of the
// retrieved passages (never writes words of its own) and cites them; the
// verifier, a separate component that any future generator must also pass,
// checks that every answer sentence stands in a cited passage and that every
// number (with its unit) appears in a cited passage, dropping what fails.
// With no passage above the calibrated coverage threshold, the answer
// abstains. Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "vigie/evidence/search.h"

namespace vigie::evidence {

struct Citation {
  StoredPassage passage;
};

struct AnswerSentence {
  std::string text;
  std::vector<size_t> citations;  // indexes into Answer::citations
};

struct Answer {
  std::vector<AnswerSentence> sentences;
  std::vector<Citation> citations;
  bool abstained = false;
  std::string message;      // the abstention message (language of the question)
  std::string lang = "fr";  // language of the question ("fr" or "en")
};

struct AnswerOptions {
  // Abstention rule, calibrated on half of the dev questions and half of the
  // off-topic set (docs/BENCHMARKS.md, "Abstention"): with gap = the best
  // hit's score minus the second's (scores are scaled to the best, 0..1), the
  // question is answered when best coverage + gap_weight * gap >= min_coverage,
  // from the hits whose coverage reaches min_coverage - gap_weight * gap.
  double min_coverage = 0.80;
  double gap_weight = 1.0;
  // Safety floor, not calibrated: never answer from hits holding less than
  // this share of the question's concepts, however clear the winner (a lone
  // hit in a small corpus has the largest gap).
  double min_coverage_floor = 0.4;
  size_t max_passages = 3;
  size_t max_sentences = 3;
};

// Composes an answer from ranked hits (from Search) of `plan`. Never fails.
Answer ComposeAnswer(const QueryPlan& plan, const std::vector<Hit>& hits,
                     const std::string& question, const AnswerOptions& options = {});

struct VerificationReport {
  size_t sentences_checked = 0;
  size_t sentences_dropped = 0;  // not found verbatim in a cited passage
  size_t numbers_checked = 0;
  size_t numbers_dropped = 0;  // a number (with unit) absent from every cited passage
};

// Keeps only the sentences that pass; an answer left empty abstains.
Answer VerifyAnswer(const Answer& answer, VerificationReport* report);

// Numbers of `text` with their unit as written ("12.5 mg", "95%", "1,000").
std::vector<std::string> NumbersWithUnits(const std::string& text);

// Search + compose + verify: the whole answer pipeline used by the CLI, HTTP
// and the benchmarks. Errors are those of Search.
Result<Answer> AskQuestion(const EvidenceIndex& index, const Lexicon* lexicon,
                           const std::string& question, const AnswerOptions& options = {},
                           VerificationReport* report = nullptr);

// "Aucune donnée trouvée dans le corpus" / "No evidence found in the corpus".
std::string AbstentionMessage(bool french);

}  // namespace vigie::evidence
