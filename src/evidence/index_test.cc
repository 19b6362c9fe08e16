// Tests of the index and search on the real PubMedQA corpus: round trips,
// incremental indexing, phrase queries, accent folding, French questions.
#include "vigie/evidence/index.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>

#include "evidence/index_internal.h"
#include "evidence/test_util.h"
#include "vigie/core/text.h"
#include "vigie/evidence/search.h"

namespace vigie::evidence {
namespace {

using testing::CorpusIndex;
using testing::RepoLexicon;

std::vector<std::string> DocIds(const Result<std::vector<Hit>>& hits) {
  std::vector<std::string> ids;
  if (hits.ok()) {
    for (const Hit& h : *hits) ids.push_back(h.passage.doc_id);
  }
  return ids;
}

TEST(IndexTest, RealCorpusRoundTrip) {
  EvidenceIndex& index = CorpusIndex();
  EXPECT_EQ(index.DocumentCount(), 1000u);
  EXPECT_GT(index.PassageCount(), 2000u);
  auto hits = Search(index, nullptr, {"helicopter flight nurses oral endotracheal intubation", 5});
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ((*hits)[0].passage.doc_id, "10135926");
  EXPECT_GT((*hits)[0].coverage, 0.9);
  // One passage per document by default.
  std::vector<std::string> ids = DocIds(hits);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end());
}

TEST(IndexTest, HitOffsetsPointIntoTheDocumentText) {
  auto docs = ReadPubmedQaJsonl(testing::Slurp(testing::CorpusPath()), "c");
  ASSERT_TRUE(docs.ok());
  auto hits = Search(CorpusIndex(), nullptr, {"Barthel Index long term outcome of stroke", 3});
  ASSERT_TRUE(hits.ok() && !hits->empty());
  const StoredPassage& p = (*hits)[0].passage;
  for (const Document& d : *docs) {
    if (d.id == p.doc_id) {
      EXPECT_EQ(text::SubstrCodePoints(d.text, p.start, p.end), p.text);
    }
  }
}

TEST(IndexTest, IncrementalReindexIsANoOpAndChangesReplace) {
  auto index = EvidenceIndex::InMemory();
  ASSERT_TRUE(index.ok());
  Document doc{"d1", "", "2020", "s", "text", "en", "Aspirin lowers fever. It is cheap."};
  EXPECT_EQ(*(*index)->AddDocument(doc), AddOutcome::kAdded);
  EXPECT_EQ(*(*index)->AddDocument(doc), AddOutcome::kUnchanged);
  size_t passages = (*index)->PassageCount();
  doc.text = "Ibuprofen lowers fever.";
  EXPECT_EQ(*(*index)->AddDocument(doc), AddOutcome::kReplaced);
  EXPECT_LE((*index)->PassageCount(), passages);
  EXPECT_TRUE(DocIds(Search(**index, nullptr, {"aspirin", 5})).empty());
  EXPECT_EQ(DocIds(Search(**index, nullptr, {"ibuprofen", 5})), std::vector<std::string>{"d1"});
}

// The stored form of a passage gives back every field; a damaged record
// decodes to an empty passage, never to a partial one.
TEST(IndexTest, StoredPassageRoundTripsAndDamageGivesNothing) {
  StoredPassage p{"12345",
                  "Œdème aigu",
                  "2021",
                  "corpus.jsonl",
                  "pubmed_abstract",
                  "fr",
                  3,
                  400,
                  std::string(300, 'x') + " é"};
  std::string data = EncodePassage(p);
  StoredPassage back = DecodePassage(data);
  EXPECT_EQ(back.doc_id, p.doc_id);
  EXPECT_EQ(back.title, p.title);
  EXPECT_EQ(back.year, p.year);
  EXPECT_EQ(back.source, p.source);
  EXPECT_EQ(back.type, p.type);
  EXPECT_EQ(back.lang, p.lang);
  EXPECT_EQ(back.start, 3u);
  EXPECT_EQ(back.end, 400u);
  EXPECT_EQ(back.text, p.text);
  for (size_t cut : {size_t{0}, size_t{1}, size_t{10}, data.size() - 1}) {
    EXPECT_TRUE(DecodePassage(data.substr(0, cut)).doc_id.empty()) << cut;
  }
  EXPECT_TRUE(DecodePassage(std::string(12, '\xff')).text.empty());
}

// Subject headings are searchable in the whole document, never cited, and a
// concept found only among them counts half in the coverage.
TEST(IndexTest, SubjectHeadingsAreSearchedAtHalfCredit) {
  auto index = EvidenceIndex::InMemory();
  ASSERT_TRUE(index.ok());
  Document doc{"h1", "", "2020", "s", "pubmed_abstract", "en", "Ear infections in toddlers."};
  doc.keywords = {"Otitis Media"};
  ASSERT_TRUE((*index)->AddDocument(doc).ok());
  Document other{"h2", "", "2020", "s", "pubmed_abstract", "en", "Fever in toddlers."};
  ASSERT_TRUE((*index)->AddDocument(other).ok());
  auto hits = Search(**index, nullptr, {"otitis", 5});
  ASSERT_EQ(DocIds(hits), std::vector<std::string>{"h1"});
  EXPECT_EQ((*hits)[0].passage.text, "Ear infections in toddlers.");
  EXPECT_DOUBLE_EQ((*hits)[0].coverage, 0.5);
  // Changing the headings changes the document.
  doc.keywords = {"Child"};
  EXPECT_EQ(*(*index)->AddDocument(doc), AddOutcome::kReplaced);
  EXPECT_TRUE(DocIds(Search(**index, nullptr, {"otitis", 5})).empty());
}

// A server's read-only index must keep working (and see new documents) while
// `vigie evidence index` commits to the same folder.
TEST(IndexTest, ReaderFollowsCommitsOfAWriter) {
  std::string dir = ::testing::TempDir() + "vigie-evidence-reader";
  std::filesystem::remove_all(dir);
  auto writer = EvidenceIndex::OpenWritable(dir);
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->AddDocument({"a", "", "", "s", "text", "en", "Aspirin for fever."}).ok());
  ASSERT_TRUE((*writer)->Commit().ok());
  auto reader = EvidenceIndex::OpenReadOnly(dir);
  ASSERT_TRUE(reader.ok());
  for (int i = 0; i < 3; ++i) {
    Document d{"n" + std::to_string(i), "", "", "s", "text", "en", "Ibuprofen for pain."};
    ASSERT_TRUE((*writer)->AddDocument(d).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  EXPECT_EQ(DocIds(Search(**reader, nullptr, {"aspirin", 5})), std::vector<std::string>{"a"});
  EXPECT_EQ(DocIds(Search(**reader, nullptr, {"ibuprofen", 5})).size(), 3u);
  std::filesystem::remove_all(dir);
}

// An index written by an earlier format (no "vigie:format" metadata, e.g.
// unstemmed terms) must be rebuilt: opening it says so instead of searching it wrongly.
TEST(IndexTest, IndexOfAnotherFormatIsAClearError) {
  std::string dir = ::testing::TempDir() + "vigie-evidence-old-format";
  std::filesystem::remove_all(dir);
  {
    Xapian::WritableDatabase old(dir, Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_term("aspirin");
    old.add_document(doc);
    old.commit();
  }
  for (bool writable : {false, true}) {
    auto index = writable ? EvidenceIndex::OpenWritable(dir) : EvidenceIndex::OpenReadOnly(dir);
    ASSERT_FALSE(index.ok());
    EXPECT_EQ(index.status().code(), ErrorCode::kDataError);
    EXPECT_NE(index.status().Message(Lang::kEn).find("vigie evidence index"), std::string::npos);
  }
  // Format 2 (positions, JSON passages) is refused too, naming its format.
  {
    Xapian::WritableDatabase old(dir, Xapian::DB_OPEN);
    old.set_metadata("vigie:format", "2");
    old.commit();
  }
  auto two = EvidenceIndex::OpenReadOnly(dir);
  ASSERT_FALSE(two.ok());
  EXPECT_NE(two.status().Message(Lang::kEn).find("format (2)"), std::string::npos)
      << two.status().Message(Lang::kEn);
  // Format 3 (lengths normalised at query time: its term frequencies are raw).
  {
    Xapian::WritableDatabase old(dir, Xapian::DB_OPEN);
    old.set_metadata("vigie:format", "3");
    old.commit();
  }
  for (bool writable : {false, true}) {
    auto three = writable ? EvidenceIndex::OpenWritable(dir) : EvidenceIndex::OpenReadOnly(dir);
    ASSERT_FALSE(three.ok());
    EXPECT_EQ(three.status().code(), ErrorCode::kDataError);
    EXPECT_NE(three.status().Message(Lang::kEn).find("format (3)"), std::string::npos)
        << three.status().Message(Lang::kEn);
  }
  std::filesystem::remove_all(dir);
}

// Compaction rewrites the index in place: same hits and scores, still
// writable (incremental) afterwards; a missing index is kNotFound.
TEST(IndexTest, CompactKeepsTheIndexSearchableAndIncremental) {
  std::string dir = ::testing::TempDir() + "vigie-evidence-compact";
  std::filesystem::remove_all(dir);
  auto docs = ReadPubmedQaJsonl(testing::Slurp(testing::CorpusPath()), "c");
  ASSERT_TRUE(docs.ok());
  docs->resize(50);
  {
    auto writer = EvidenceIndex::OpenWritable(dir);
    ASSERT_TRUE(writer.ok());
    for (const Document& d : *docs) ASSERT_TRUE((*writer)->AddDocument(d).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  auto hits_of = [&dir] {
    auto reader = EvidenceIndex::OpenReadOnly(dir);
    EXPECT_TRUE(reader.ok());
    std::vector<std::pair<std::string, double>> out;
    auto hits = Search(**reader, nullptr, {"children outcome surgery", 10});
    if (hits.ok()) {
      for (const Hit& h : *hits) out.emplace_back(h.passage.doc_id, h.score);
    }
    return out;
  };
  auto before = hits_of();
  ASSERT_FALSE(before.empty());
  ASSERT_TRUE(EvidenceIndex::Compact(dir + "/").ok());  // a trailing slash is the same folder
  EXPECT_EQ(hits_of(), before);
  EXPECT_FALSE(std::filesystem::exists(dir + ".compacting"));
  EXPECT_FALSE(std::filesystem::exists(dir + ".previous"));
  {
    auto writer = EvidenceIndex::OpenWritable(dir);
    ASSERT_TRUE(writer.ok());
    EXPECT_EQ(*(*writer)->AddDocument((*docs)[0]), AddOutcome::kUnchanged);
    EXPECT_EQ(*(*writer)->AddDocument({"new", "", "", "s", "text", "en", "Aspirin for fever."}),
              AddOutcome::kAdded);
    ASSERT_TRUE((*writer)->Commit().ok());
    EXPECT_EQ((*writer)->DocumentCount(), 51u);
  }
  std::filesystem::remove_all(dir);
  EXPECT_EQ(EvidenceIndex::Compact(dir).code(), ErrorCode::kNotFound);
}

// BM25's length normalisation is applied when records are indexed: with
// b > 0 a short passage outranks a long one holding the word as often; with
// b = 0 they weigh the same. An existing index keeps the b it was created
// with, whatever a later writer asks.
TEST(IndexTest, LengthIsNormalisedWhenIndexing) {
  std::string long_text = "Aspirin was given.";
  for (int i = 0; i < 30; ++i) long_text += " Nurses recorded blood pressure daily.";
  auto scores = [&](const IndexOptions& options, const std::string& dir) {
    std::filesystem::remove_all(dir);
    auto index = EvidenceIndex::OpenWritable(dir, options);
    EXPECT_TRUE(index.ok());
    EXPECT_TRUE((*index)->AddDocument({"short", "", "", "s", "text", "en", "Aspirin given."}).ok());
    EXPECT_TRUE((*index)->AddDocument({"long", "", "", "s", "text", "en", long_text}).ok());
    EXPECT_TRUE((*index)->Commit().ok());
    std::map<std::string, double> by_id;
    auto hits = Search(**index, nullptr, {"aspirin", 5});
    if (hits.ok()) {
      for (const Hit& h : *hits) by_id[h.passage.doc_id] = h.score;
    }
    return by_id;
  };
  std::string dir = ::testing::TempDir() + "vigie-evidence-length-norm";
  std::map<std::string, double> normalised = scores({}, dir);
  ASSERT_EQ(normalised.size(), 2u);
  EXPECT_GT(normalised["short"], normalised["long"]);
  std::map<std::string, double> flat = scores({0.0, 0.0}, dir);
  ASSERT_EQ(flat.size(), 2u);
  EXPECT_EQ(flat["short"], flat["long"]);
  {
    // Reopened with the default b (0.4): the index's own b = 0 is kept.
    auto again = EvidenceIndex::OpenWritable(dir);
    ASSERT_TRUE(again.ok());
    ASSERT_TRUE(
        (*again)->AddDocument({"third", "", "", "s", "text", "en", long_text + " More."}).ok());
    auto hits = Search(**again, nullptr, {"aspirin", 5});
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->size(), 3u);
    EXPECT_EQ((*hits)[0].score, (*hits)[2].score);
  }
  std::filesystem::remove_all(dir);
}

TEST(IndexTest, AccentFoldingAndFrenchStemming) {
  auto index = EvidenceIndex::InMemory();
  ASSERT_TRUE(index.ok());
  Document doc{"fr1",
               "",
               "",
               "s",
               "markdown",
               "fr",
               "Les œdèmes pulmonaires aigus nécessitent des diurétiques."};
  ASSERT_TRUE((*index)->AddDocument(doc).ok());
  EXPECT_EQ(DocIds(Search(**index, nullptr, {"oedeme pulmonaire", 5})),
            std::vector<std::string>{"fr1"});
  EXPECT_EQ(DocIds(Search(**index, nullptr, {"DIURÉTIQUE", 5})), std::vector<std::string>{"fr1"});
  // A quoted phrase in a French passage: French stems, accents folded, in order.
  EXPECT_EQ(DocIds(Search(**index, nullptr, {"\"œdème pulmonaire\"", 5})),
            std::vector<std::string>{"fr1"});
  EXPECT_TRUE(DocIds(Search(**index, nullptr, {"\"pulmonaire oedeme\"", 5})).empty());
}

TEST(IndexTest, PhraseQueriesRequireTheWordsInOrder) {
  auto index = EvidenceIndex::InMemory();
  ASSERT_TRUE(index.ok());
  ASSERT_TRUE(
      (*index)->AddDocument({"a", "", "", "s", "text", "en", "Heart failure was rare."}).ok());
  ASSERT_TRUE(
      (*index)->AddDocument({"b", "", "", "s", "text", "en", "Failure of the heart valve."}).ok());
  EXPECT_EQ(DocIds(Search(**index, nullptr, {"\"heart failure\"", 5})),
            std::vector<std::string>{"a"});
  EXPECT_EQ(DocIds(Search(**index, nullptr, {"heart failure", 5})).size(), 2u);
}

TEST(IndexTest, BadRequestsAreErrors) {
  EXPECT_EQ(Search(CorpusIndex(), nullptr, {"the of and", 5}).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(Search(CorpusIndex(), nullptr, {"stroke", 0}).status().code(), ErrorCode::kOutOfRange);
  EXPECT_EQ(EvidenceIndex::OpenReadOnly("/nonexistent/vigie-index").status().code(),
            ErrorCode::kNotFound);
}

TEST(SearchTest, FrenchQuestionFindsTheEnglishAbstract) {
  // Without the lexicon the French words do not reach the English abstract.
  std::string q = "Intubation endotrachéale en hélicoptère par les infirmières de vol";
  auto hits = Search(CorpusIndex(), &RepoLexicon(), {q, 5});
  ASSERT_TRUE(hits.ok());
  std::vector<std::string> ids = DocIds(hits);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "10135926"), ids.end());
}

TEST(SearchTest, PlanTranslatesWithLexiconAndMorphology) {
  QueryPlan plan = PlanQuery("appendicite aiguë chez l'enfant", CorpusIndex(), &RepoLexicon());
  ASSERT_EQ(plan.words, (std::vector<std::string>{"appendicite", "aigue", "enfant"}));
  auto has = [&](size_t c, const std::string& w) {
    return std::find(plan.concepts[c].begin(), plan.concepts[c].end(), w) != plan.concepts[c].end();
  };
  EXPECT_TRUE(has(0, "appendicitis"));  // morphology -ite -> -itis, known to the index
  EXPECT_TRUE(has(1, "acute"));
  EXPECT_TRUE(has(2, "child"));
}

}  // namespace
}  // namespace vigie::evidence
