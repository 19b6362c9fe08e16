// Query planning (folding, stopwords, lexicon translation, morphology checked
// against the index vocabulary, quoted phrases) and Xapian BM25 search with
// one passage per document and an IDF-weighted concept coverage per hit.
// Thread-safety: the index's mutex guards every Xapian call.
#include "vigie/evidence/search.h"

#include <algorithm>
#include <array>
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
// (An English question's words get the English stem only: the French stemmer
// conflates English words that differ.)
std::vector<std::string> StemTerms(const EvidenceIndex::Impl& impl, const std::string& word,
                                   bool english_only) {
  std::vector<std::string> out;
  AddUnique(out, kStemPrefix + impl.stem_en(word));
  if (!english_only) AddUnique(out, kStemPrefix + impl.stem_fr(word));
  return out;
}

}  // namespace

QueryPlan PlanQuery(const std::string& query, const EvidenceIndex& index, const Lexicon* lexicon) {
  QueryPlan plan;
  std::string folded = text::Fold(query);
  // English only with evidence (a short query such as "diurétique" is unknown).
  static constexpr std::array<std::string_view, 12> kEnglish = {
      "the", "of", "in", "is", "are", "does", "do", "with", "for", "and", "to", "an"};
  bool english_words = false;
  for (const std::string& w : FoldedWords(folded)) {
    english_words =
        english_words || std::find(kEnglish.begin(), kEnglish.end(), w) != kEnglish.end();
  }
  plan.lang = english_words ? DetectLang(query) : "";
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
    impl.Refresh();
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
        for (const std::string& term :
             StemTerms(impl, alt, plan.lang == "en" && alt == plan.concepts[c][0])) {
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
    double total_idf = 0;
    for (size_t c = 0; c < n_words; ++c) total_idf += idf[c];
    auto make_hit = [&](Xapian::Enquire& source, const Xapian::MSetIterator& it) {
      Hit hit;
      hit.passage = DecodePassage(it.get_document().get_data());
      hit.score = it.get_weight();
      std::vector<bool> matched(plan.concepts.size(), false);
      for (auto t = source.get_matching_terms_begin(it); t != source.get_matching_terms_end(it);
           ++t) {
        auto found = term_concept.find(*t);
        if (found != term_concept.end()) matched[found->second] = true;
      }
      double got = 0;
      for (size_t c = 0; c < n_words; ++c) got += matched[c] ? idf[c] : 0.0;
      hit.coverage = total_idf > 0 ? got / total_idf : (plan.phrases.empty() ? 0.0 : 1.0);
      return hit;
    };
    Xapian::BM25Weight bm25(0.9, 0, 1, 0.4, 0.5);
    Xapian::Query passages(Xapian::Query::OP_FILTER, query, Xapian::Query(kPassageTerm));
    Xapian::Enquire enquire(db);
    enquire.set_query(passages);
    enquire.set_weighting_scheme(bm25);
    if (!request.one_per_doc) {
      std::vector<Hit> hits;
      Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(request.k));
      for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back(make_hit(enquire, it));
      return hits;
    }
    // Documents are ranked by their whole text and by their best passage (each
    // score scaled by its list's best), so a question phrased unlike any single
    // window still finds its abstract; the hit carries the best passage.
    enquire.set_collapse_key(kDocIdSlot, 1);
    const Xapian::doccount pool = static_cast<Xapian::doccount>(std::max<size_t>(request.k, 30));
    Xapian::MSet best_passages = enquire.get_mset(0, pool);
    Xapian::Enquire whole(db);
    whole.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(kWholeTerm)));
    whole.set_weighting_scheme(bm25);
    Xapian::MSet docs = whole.get_mset(0, pool);
    std::map<std::string, double> combined;
    std::map<std::string, Hit> passage_of;
    double top_passage = best_passages.empty() ? 1 : best_passages.begin().get_weight();
    double top_doc = docs.empty() ? 1 : docs.begin().get_weight();
    for (auto it = best_passages.begin(); it != best_passages.end(); ++it) {
      Hit hit = make_hit(enquire, it);
      combined[hit.passage.doc_id] += (1 - kWholeShare) * it.get_weight() / top_passage;
      passage_of.emplace(hit.passage.doc_id, std::move(hit));
    }
    std::map<std::string, double> doc_coverage;  // the whole document's share of the concepts
    for (auto it = docs.begin(); it != docs.end(); ++it) {
      std::string id = it.get_document().get_value(kDocIdSlot);
      combined[id] += kWholeShare * it.get_weight() / top_doc;
      doc_coverage[id] = make_hit(whole, it).coverage;
    }
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto& [id, score] : combined) ranked.emplace_back(score, id);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<Hit> hits;
    for (const auto& [score, id] : ranked) {
      if (hits.size() >= request.k) break;
      auto found = passage_of.find(id);
      if (found == passage_of.end()) {
        // Ranked by its whole text only: find its best passage.
        Xapian::Enquire one(db);
        one.set_query(Xapian::Query(Xapian::Query::OP_FILTER, passages,
                                    Xapian::Query(std::string(kDocPrefix) + id)));
        one.set_weighting_scheme(bm25);
        Xapian::MSet m = one.get_mset(0, 1);
        if (m.empty()) continue;
        found = passage_of.emplace(id, make_hit(one, m.begin())).first;
      }
      Hit hit = found->second;
      hit.score = score;
      auto cov = doc_coverage.find(id);
      if (cov != doc_coverage.end()) hit.coverage = std::max(hit.coverage, cov->second);
      hits.push_back(std::move(hit));
    }
    return hits;
  } catch (const Xapian::Error& e) {
    return Status::Error(ErrorCode::kIoError, {"xapian: " + e.get_description()});
  }
}

}  // namespace vigie::evidence
