// Query planning (folding, stopwords, lexicon translation, morphology checked
// against the index vocabulary, quoted phrases) and Xapian BM25 search with
// one passage per document and an IDF-weighted concept coverage per hit.
// Thread-safety: the index's mutex guards every Xapian call.
#include "vigie/evidence/search.h"

#include <algorithm>
#include <array>
#include <cctype>
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

// A quoted phrase's words in order, checked on a record's stored passage text
// tokenised and stemmed exactly as the indexer does (same TermGenerator,
// the passage's language): the index keeps no positions (they were half of
// its size and 40 % of its build time, docs/benchmarks/evidence.md), so the
// few records of a phrase query that hold all its stems are read instead.
// Records without stored text (whole-document records) never match, as they
// never did without positions.
class PhraseCheck : public Xapian::MatchDecider {
 public:
  PhraseCheck(const EvidenceIndex::Impl& impl, const std::vector<std::vector<std::string>>& phrases)
      : impl_(impl), phrases_(phrases) {}

  bool operator()(const Xapian::Document& doc) const override {
    StoredPassage p = DecodePassage(doc.get_data());
    if (p.text.empty()) return false;
    const Xapian::Stem& stem = p.lang == "fr" ? impl_.stem_fr : impl_.stem_en;
    Xapian::TermGenerator gen;
    gen.set_stemmer(stem);
    gen.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    Xapian::Document scratch;
    gen.set_document(scratch);
    gen.index_text(text::Fold(p.text));
    std::vector<std::string> sequence;  // term at each position
    for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) {
      for (auto pos = t.positionlist_begin(); pos != t.positionlist_end(); ++pos) {
        if (*pos >= sequence.size()) sequence.resize(*pos + 1);
        sequence[*pos] = *t;
      }
    }
    for (const std::vector<std::string>& words : phrases_) {
      std::vector<std::string> terms;
      for (const std::string& w : words) terms.push_back(kStemPrefix + stem(w));
      if (std::search(sequence.begin(), sequence.end(), terms.begin(), terms.end()) ==
          sequence.end()) {
        return false;
      }
    }
    return true;
  }

 private:
  const EvidenceIndex::Impl& impl_;
  const std::vector<std::vector<std::string>>& phrases_;
};

// Stemmed terms that are not the query's own.
class FeedbackTerms : public Xapian::ExpandDecider {
 public:
  explicit FeedbackTerms(const std::map<std::string, std::pair<size_t, double>>& query_terms)
      : query_terms_(query_terms) {}
  bool operator()(const std::string& term) const override {
    return term.size() > 1 && term[0] == kStemPrefix[0] &&
           std::islower(static_cast<unsigned char>(term[1])) && query_terms_.count(term) == 0;
  }

 private:
  const std::map<std::string, std::pair<size_t, double>>& query_terms_;
};

// `query` with the best terms of its best documents (pseudo-relevance
// feedback) as optional terms: they re-rank what `query` matches, they add
// no document and no concept coverage.
Xapian::Query WithFeedback(const Xapian::Database& db, const Xapian::Query& query,
                           bool separate_wholes, const Xapian::BM25Weight& bm25,
                           const SearchRequest& request,
                           const std::map<std::string, std::pair<size_t, double>>& query_terms) {
  Xapian::Enquire first(db);
  first.set_query(
      Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                    Xapian::Query(separate_wholes ? kPassageOnlyTerm : kWholeOnlyTerm)));
  first.set_weighting_scheme(bm25);
  first.set_docid_order(Xapian::Enquire::DONT_CARE);
  Xapian::MSet top = first.get_mset(0, static_cast<Xapian::doccount>(request.feedback_docs));
  if (top.empty()) return query;
  Xapian::RSet rset;
  for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
  FeedbackTerms decider(query_terms);
  Xapian::ESet eset =
      first.get_eset(static_cast<Xapian::termcount>(request.feedback_terms), rset, &decider);
  if (eset.empty()) return query;
  double top_weight = eset.begin().get_weight();
  std::vector<Xapian::Query> extra;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    extra.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                       request.feedback_weight * it.get_weight() / top_weight);
  }
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                       Xapian::Query(Xapian::Query::OP_OR, extra.begin(), extra.end()));
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
    size_t first_synonym = 1;
    if (lexicon != nullptr && !in_phrase[i]) {
      std::vector<std::string> tr = lexicon->Translate(word);
      for (size_t t = 0; t < tr.size() && t < 4; ++t) {
        std::vector<std::string> words = ContentWords(tr[t]);
        if (words.size() == 1) AddUnique(alternatives, words[0]);
      }
      // Morphological candidates the index knows (its terms are stems).
      auto add_known_forms = [&](const std::string& w) {
        for (const std::string& candidate : lexicon->MorphCandidates(w)) {
          std::lock_guard<std::mutex> lock(index.impl().mu);
          try {
            const EvidenceIndex::Impl& impl = index.impl();
            if (db.term_exists(kStemPrefix + impl.stem_en(candidate)) ||
                db.term_exists(kStemPrefix + impl.stem_fr(candidate))) {
              AddUnique(alternatives, candidate);
            }
          } catch (const Xapian::Error&) {
          }
        }
      };
      add_known_forms(word);
      // A brand names its DCIs (from the KB, when one is configured).
      for (const std::string& dci : lexicon->DrugNames(word)) {
        std::vector<std::string> words = ContentWords(dci);
        if (words.size() == 1) {
          AddUnique(alternatives, words[0]);
          add_known_forms(words[0]);
        } else {
          for (const std::string& w : words) extra.push_back({w});
        }
      }
      // English synonyms (WordNet) of the word and of its translations, when
      // the index knows them.
      first_synonym = alternatives.size();
      std::vector<std::string> base = alternatives;
      for (const std::string& b : base) {
        for (const std::string& syn : lexicon->Synonyms(b)) {
          std::lock_guard<std::mutex> lock(index.impl().mu);
          try {
            if (db.term_exists(kStemPrefix + index.impl().stem_en(syn))) {
              AddUnique(alternatives, syn);
            }
          } catch (const Xapian::Error&) {
          }
        }
      }
    }
    plan.first_synonym.push_back(std::min(first_synonym, alternatives.size()));
    plan.concepts.push_back(std::move(alternatives));
  }
  for (auto& e : extra) {
    plan.first_synonym.push_back(e.size());
    plan.concepts.push_back(std::move(e));
  }
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
    // Stemmed term -> (concept, credit): 1 for the word, its translations and
    // forms; 0.5 for a WordNet synonym (weaker evidence of the same concept).
    std::map<std::string, std::pair<size_t, double>> term_concept;
    std::vector<double> idf(plan.concepts.size(), 0.0);
    size_t n_words = plan.words.size();
    for (size_t c = 0; c < plan.concepts.size(); ++c) {
      std::vector<Xapian::Query> terms;
      // Each term once per concept: two alternatives with the same stem
      // ("child", "children") would count its occurrences twice.
      std::vector<std::string> seen;
      auto first_time = [&seen](const std::string& term) {
        if (std::find(seen.begin(), seen.end(), term) != seen.end()) return false;
        seen.push_back(term);
        return true;
      };
      double df = 0;
      for (size_t a = 0; a < plan.concepts[c].size(); ++a) {
        const std::string& alt = plan.concepts[c][a];
        double credit = a < plan.first_synonym[c] ? 1.0 : 0.5;
        for (const std::string& term :
             StemTerms(impl, alt, plan.lang == "en" && alt == plan.concepts[c][0])) {
          double tf = static_cast<double>(db.get_termfreq(term));
          if (tf == 0) continue;  // unknown to the index: no postings to read
          auto [slot, added] = term_concept.emplace(term, std::pair{c, credit});
          if (!added && slot->second.first == c) {
            slot->second.second = std::max(slot->second.second, credit);
          }
          df = std::max(df, tf);
          if (first_time(term)) terms.emplace_back(term);
        }
        // The same stem among the documents' subject headings: half credit.
        std::string keyword = kKeywordPrefix + impl.stem_en(alt);
        if (db.get_termfreq(keyword) > 0 && first_time(keyword)) {
          term_concept.emplace(keyword, std::pair{c, 0.5});
          terms.emplace_back(keyword);
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
        // The index keeps no positions: a phrase matches records holding all
        // its stems (English or French), then PhraseCheck reads their text.
        std::vector<std::string> en;
        std::vector<std::string> fr;
        for (const std::string& w : words) {
          en.push_back(kStemPrefix + impl.stem_en(w));
          fr.push_back(kStemPrefix + impl.stem_fr(w));
        }
        Xapian::Query phrase(Xapian::Query::OP_AND, en.begin(), en.end());
        if (fr != en) {
          phrase = Xapian::Query(Xapian::Query::OP_OR, phrase,
                                 Xapian::Query(Xapian::Query::OP_AND, fr.begin(), fr.end()));
        }
        phrases.push_back(phrase);
      }
      Xapian::Query required(Xapian::Query::OP_AND, phrases.begin(), phrases.end());
      query = concept_queries.empty() ? required
                                      : Xapian::Query(Xapian::Query::OP_AND_MAYBE, required, query);
    }
    bool separate_wholes = db.get_termfreq(kWholeOnlyTerm) > 0;
    // Lengths were normalised when the records were indexed (index_internal.h):
    // b = 0 here, k1 on the scale of the stored frequencies. No record length
    // is read at query time.
    Xapian::BM25Weight bm25(request.bm25_k1 * kWdfScale, 0, 1, 0, 0.5);
    if (request.feedback_docs > 0 && request.feedback_terms > 0) {
      query = WithFeedback(db, query, separate_wholes, bm25, request, term_concept);
    }
    double total_idf = 0;
    for (size_t c = 0; c < n_words; ++c) total_idf += idf[c];
    auto coverage_of = [&](const Xapian::Enquire& source, const Xapian::MSetIterator& it) {
      std::vector<double> matched(plan.concepts.size(), 0.0);
      for (auto t = source.get_matching_terms_begin(it); t != source.get_matching_terms_end(it);
           ++t) {
        auto found = term_concept.find(*t);
        if (found == term_concept.end()) continue;
        double& m = matched[found->second.first];
        m = std::max(m, found->second.second);
      }
      double got = 0;
      for (size_t c = 0; c < n_words; ++c) got += matched[c] * idf[c];
      return total_idf > 0 ? got / total_idf : (plan.phrases.empty() ? 0.0 : 1.0);
    };
    auto make_hit = [&](const Xapian::Enquire& source, const Xapian::MSetIterator& it) {
      Hit hit;
      hit.passage = DecodePassage(it.get_document().get_data());
      hit.score = it.get_weight();
      hit.coverage = coverage_of(source, it);
      return hit;
    };
    PhraseCheck phrase_check(impl, plan.phrases);
    const Xapian::MatchDecider* decider = plan.phrases.empty() ? nullptr : &phrase_check;
    // Records of the other kind excluded (no filter when there are none).
    auto excluding = [&](const char* term) {
      return db.get_termfreq(term) == 0
                 ? query
                 : Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(term));
    };
    Xapian::Query passages = excluding(kWholeOnlyTerm);
    Xapian::Enquire enquire(db);
    enquire.set_query(passages);
    enquire.set_weighting_scheme(bm25);
    enquire.set_docid_order(Xapian::Enquire::DONT_CARE);  // ties: any order, no extra work
    if (!request.one_per_doc) {
      std::vector<Hit> hits;
      Xapian::MSet mset =
          enquire.get_mset(0, static_cast<Xapian::doccount>(request.k), 0, nullptr, decider);
      for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back(make_hit(enquire, it));
      return hits;
    }
    // Documents are ranked by their whole text and by their best passage (each
    // score scaled by its list's best), so a question phrased unlike any single
    // window still finds its abstract; the hit carries the best passage.
    // When no document has more than one record (every document is a single
    // untitled passage), its whole record is its passage: one list ranks them
    // exactly, with no collapsing and no pool beyond k.
    if (separate_wholes) enquire.set_collapse_key(kDocIdSlot, 1);
    const Xapian::doccount pool = static_cast<Xapian::doccount>(
        separate_wholes ? std::max<size_t>(request.k, 30) : request.k);
    Xapian::MSet best_passages = enquire.get_mset(0, pool, 0, nullptr, decider);
    Xapian::Enquire whole(db);
    whole.set_query(excluding(kPassageOnlyTerm));
    whole.set_docid_order(Xapian::Enquire::DONT_CARE);
    whole.set_weighting_scheme(bm25);
    Xapian::MSet docs =
        separate_wholes ? whole.get_mset(0, pool, 0, nullptr, decider) : best_passages;
    const Xapian::Enquire& whole_source = separate_wholes ? whole : enquire;
    // Hits are materialised (stored data, matching terms) for the k documents
    // kept only; the pools rank by document id and weight alone.
    struct Candidate {
      double score = 0;
      const Xapian::Enquire* passage_source = nullptr;
      Xapian::MSetIterator passage;
      const Xapian::Enquire* whole_source = nullptr;
      Xapian::MSetIterator whole;
    };
    std::map<std::string, Candidate> candidates;
    std::map<Xapian::docid, std::string> passage_ids;  // record -> document id
    double top_passage = best_passages.empty() ? 1 : best_passages.begin().get_weight();
    double top_doc = docs.empty() ? 1 : docs.begin().get_weight();
    for (auto it = best_passages.begin(); it != best_passages.end(); ++it) {
      std::string id =
          separate_wholes ? it.get_collapse_key() : it.get_document().get_value(kDocIdSlot);
      Candidate& c = candidates[id];
      c.score += (1 - request.whole_share) * it.get_weight() / top_passage;
      c.passage_source = &enquire;
      c.passage = it;
      passage_ids.emplace(*it, id);
    }
    for (auto it = docs.begin(); it != docs.end(); ++it) {
      // A one-passage document's passage is its whole record: its id is known.
      auto same = passage_ids.find(*it);
      Candidate& c =
          candidates[same != passage_ids.end() ? same->second
                                               : it.get_document().get_value(kDocIdSlot)];
      c.score += request.whole_share * it.get_weight() / top_doc;
      c.whole_source = &whole_source;
      c.whole = it;
    }
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto& [id, c] : candidates) ranked.emplace_back(c.score, id);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<Hit> hits;
    for (const auto& [score, id] : ranked) {
      if (hits.size() >= request.k) break;
      const Candidate& c = candidates[id];
      Hit hit;
      if (c.passage_source != nullptr) {
        hit = make_hit(*c.passage_source, c.passage);
      } else {
        // Ranked by its whole text only: find its best passage.
        Xapian::Enquire one(db);
        one.set_query(Xapian::Query(Xapian::Query::OP_FILTER, passages,
                                    Xapian::Query(std::string(kDocPrefix) + id)));
        one.set_weighting_scheme(bm25);
        Xapian::MSet m = one.get_mset(0, 1, 0, nullptr, decider);
        if (m.empty()) {
          // Matched by its title or headings only: its first passage.
          one.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                      Xapian::Query(std::string(kDocPrefix) + id),
                                      Xapian::Query(kWholeOnlyTerm)));
          one.set_docid_order(Xapian::Enquire::ASCENDING);
          m = one.get_mset(0, 1);
        }
        if (m.empty()) continue;
        hit = make_hit(one, m.begin());
      }
      hit.score = score;
      // The whole document's share of the concepts, when it is higher.
      if (c.whole_source != nullptr && (c.passage_source == nullptr || *c.whole != *c.passage)) {
        hit.coverage = std::max(hit.coverage, coverage_of(*c.whole_source, c.whole));
      }
      hits.push_back(std::move(hit));
    }
    return hits;
  } catch (const Xapian::Error& e) {
    return Status::Error(ErrorCode::kIoError, {"xapian: " + e.get_description()});
  }
}

}  // namespace vigie::evidence
