// Query planning (folding, stopwords, lexicon translation, morphology checked
// against the index vocabulary, quoted phrases) and Xapian BM25 search with
// one passage per document and an IDF-weighted concept coverage per hit.
// Thread-safety: the index's mutex guards every Xapian call.
#include "vigie/evidence/search.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "evidence/index_internal.h"
#include "evidence/query_words.h"
#include "vigie/core/text.h"

namespace vigie::evidence {
namespace {

void AddUnique(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

// Content words of a translation ("renal failure" -> renal, failure).
std::vector<std::string> ContentWords(std::string_view folded) {
  std::vector<std::string> out;
  for (std::string& w : FoldedWords(folded)) {
    if (!IsStopword(w)) out.push_back(std::move(w));
  }
  return out;
}

// Stemmed terms of one alternative word, in both languages.
std::vector<std::string> StemTerms(const EvidenceIndex::Impl& impl, const std::string& word) {
  std::vector<std::string> out;
  AddUnique(out, kStemPrefix + impl.stem_en(word));
  AddUnique(out, kStemPrefix + impl.stem_fr(word));
  return out;
}

}  // namespace

QueryPlan PlanQuery(const std::string& query, const EvidenceIndex& index, const Lexicon* lexicon) {
  QueryPlan plan;
  std::string folded = text::Fold(query);
  std::string free_text;
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t open = folded.find('"', pos);
    if (open == std::string::npos) {
      free_text += folded.substr(pos);
      break;
    }
    size_t close = folded.find('"', open + 1);
    free_text += folded.substr(pos, open - pos) + " ";
    if (close == std::string::npos) {
      free_text += folded.substr(open + 1);
      break;
    }
    std::vector<std::string> phrase = FoldedWords(folded.substr(open + 1, close - open - 1));
    if (!phrase.empty()) plan.phrases.push_back(phrase);
    pos = close + 1;
  }
  std::vector<std::string> all = FoldedWords(free_text);
  const Xapian::Database& db = index.impl().db();
  std::vector<bool> in_phrase(all.size(), false);
  // Lexicon phrases first (longest match), their translations as extra concepts.
  std::vector<std::vector<std::string>> extra;
  if (lexicon != nullptr) {
    for (size_t i = 0; i < all.size(); ++i) {
      for (size_t n = std::min(lexicon->max_phrase_words(), all.size() - i); n >= 2; --n) {
        std::string phrase = all[i];
        for (size_t j = 1; j < n; ++j) phrase += " " + all[i + j];
        std::vector<std::string> tr = lexicon->Translate(phrase);
        if (tr.empty()) continue;
        for (const std::string& t : tr) {
          for (const std::string& w : ContentWords(t)) extra.push_back({w});
        }
        for (size_t j = 0; j < n; ++j) in_phrase[i + j] = true;
        break;
      }
    }
  }
  for (size_t i = 0; i < all.size(); ++i) {
    const std::string& word = all[i];
    if (IsStopword(word)) continue;
    if (std::find(plan.words.begin(), plan.words.end(), word) != plan.words.end()) continue;
    plan.words.push_back(word);
    std::vector<std::string> alternatives = {word};
    if (lexicon != nullptr && !in_phrase[i]) {
      std::vector<std::string> tr = lexicon->Translate(word);
      for (size_t t = 0; t < tr.size() && t < 4; ++t) {
        std::vector<std::string> words = ContentWords(tr[t]);
        if (words.size() == 1) AddUnique(alternatives, words[0]);
      }
      for (const std::string& candidate : lexicon->MorphCandidates(word)) {
        std::lock_guard<std::mutex> lock(index.impl().mu);
        try {
          if (db.term_exists(candidate)) AddUnique(alternatives, candidate);
        } catch (const Xapian::Error&) {
        }
      }
    }
    plan.concepts.push_back(std::move(alternatives));
  }
  for (auto& e : extra) plan.concepts.push_back(std::move(e));
  return plan;
}

Result<std::vector<Hit>> Search(const EvidenceIndex& index, const Lexicon* lexicon,
                                const SearchRequest& request) {
  if (request.k < 1 || request.k > 100) {
    return Status::Error(ErrorCode::kOutOfRange, {"k", "1", "100"});
  }
  QueryPlan plan = PlanQuery(request.query, index, lexicon);
  if (plan.concepts.empty() && plan.phrases.empty()) {
    return Status::Error(ErrorCode::kInvalidArgument, {"q (no searchable word)"});
  }
  const EvidenceIndex::Impl& impl = index.impl();
  std::lock_guard<std::mutex> lock(impl.mu);
  try {
    const Xapian::Database& db = impl.db();
    double n_docs = static_cast<double>(db.get_doccount()) + 1.0;
    std::vector<Xapian::Query> concept_queries;
    std::map<std::string, size_t> term_concept;  // stemmed term -> concept
    std::vector<double> idf(plan.concepts.size(), 0.0);
    size_t n_words = plan.words.size();
    for (size_t c = 0; c < plan.concepts.size(); ++c) {
      std::vector<Xapian::Query> terms;
      double df = 0;
      for (const std::string& alt : plan.concepts[c]) {
        for (const std::string& term : StemTerms(impl, alt)) {
          term_concept.emplace(term, c);
          df = std::max(df, static_cast<double>(db.get_termfreq(term)));
          terms.emplace_back(term);
        }
      }
      idf[c] = std::log(n_docs / (df + 0.5));
      Xapian::Query q(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
      // Concepts that come only from a translated phrase weigh less.
      concept_queries.push_back(
          c < n_words ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0.5));
    }
    Xapian::Query query(Xapian::Query::OP_OR, concept_queries.begin(), concept_queries.end());
    if (!plan.phrases.empty()) {
      std::vector<Xapian::Query> phrases;
      for (const auto& words : plan.phrases) {
        phrases.emplace_back(Xapian::Query::OP_PHRASE, words.begin(), words.end());
      }
      Xapian::Query required(Xapian::Query::OP_AND, phrases.begin(), phrases.end());
      query = concept_queries.empty() ? required
                                      : Xapian::Query(Xapian::Query::OP_AND_MAYBE, required, query);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
    if (request.one_per_doc) enquire.set_collapse_key(kDocIdSlot, 1);
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(request.k));
    double total_idf = 0;
    for (size_t c = 0; c < n_words; ++c) total_idf += idf[c];
    std::vector<Hit> hits;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      Hit hit;
      hit.passage = DecodePassage(it.get_document().get_data());
      hit.score = it.get_weight();
      std::vector<bool> matched(plan.concepts.size(), false);
      for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it);
           ++t) {
        auto found = term_concept.find(*t);
        if (found != term_concept.end()) matched[found->second] = true;
      }
      double got = 0;
      for (size_t c = 0; c < n_words; ++c) got += matched[c] ? idf[c] : 0.0;
      hit.coverage = total_idf > 0 ? got / total_idf : (plan.phrases.empty() ? 0.0 : 1.0);
      hits.push_back(std::move(hit));
    }
    return hits;
  } catch (const Xapian::Error& e) {
    return Status::Error(ErrorCode::kIoError, {"xapian: " + e.get_description()});
  }
}

}  // namespace vigie::evidence
