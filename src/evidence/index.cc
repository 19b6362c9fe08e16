// EvidenceIndex: opening Xapian databases, adding documents (incremental by
// content hash), counts. Xapian exceptions are caught here and become Status.
// Thread-safety: every database access holds Impl::mu.
#include "vigie/evidence/index.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "evidence/index_internal.h"
#include "vigie/core/text.h"

namespace vigie::evidence {
namespace {

Status XapianError(const Xapian::Error& e) {
  return Status::Error(ErrorCode::kIoError, {"xapian: " + e.get_description()});
}

// FNV-1a 64: stable across builds and machines (std::hash is not).
std::string ContentHash(const Document& doc) {
  uint64_t h = 1469598103934665603ull;
  std::vector<const std::string*> parts = {&doc.text, &doc.title, &doc.year, &doc.type, &doc.lang};
  for (const std::string& keyword : doc.keywords) parts.push_back(&keyword);
  for (const std::string* part : parts) {
    for (char c : *part) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  }
  return std::to_string(h);
}

// An index written by another format of Vigie cannot be searched correctly.
Status CheckFormat(const Xapian::Database& db, const std::string& dir) {
  if (db.get_doccount() == 0) return Status::Ok();
  std::string format = db.get_metadata(kFormatKey);
  if (format == kFormat) return Status::Ok();
  return Status::Error(
      ErrorCode::kDataError,
      {dir, "evidence index of another format (" + (format.empty() ? std::string("1") : format) +
                "): delete the folder and run `vigie evidence index` again"});
}

// The options an index was created with (metadata), or `requested` for a
// new one, which are then recorded.
IndexOptions SettleOptions(Xapian::WritableDatabase& db, const IndexOptions& requested) {
  // Stored in thousandths (no locale-dependent decimal point).
  auto read = [&db](const char* key, double fallback) {
    std::string v = db.get_metadata(key);
    if (v.empty() || v.size() > 4 ||
        !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return fallback;
    }
    return std::stoi(v) / 1000.0;
  };
  // b is a share: outside 0..1 a norm could reach 0 or below.
  auto share = [](double b) { return std::clamp(b, 0.0, 1.0); };
  IndexOptions settled{share(read(kBm25BKey, requested.bm25_b)),
                       share(read(kBm25BPassagesKey, requested.bm25_b_passages))};
  db.set_metadata(kBm25BKey, std::to_string(std::lround(settled.bm25_b * 1000)));
  db.set_metadata(kBm25BPassagesKey, std::to_string(std::lround(settled.bm25_b_passages * 1000)));
  return settled;
}

// `out` gets the terms of `generated` with their frequencies length-normalised
// (index_internal.h, kWdfScale); boolean terms (wdf 0) are not in `generated`.
void AddNormalisedTerms(const Xapian::Document& generated, double b, Xapian::Document& out) {
  double length = 0;
  for (auto t = generated.termlist_begin(); t != generated.termlist_end(); ++t) {
    length += t.get_wdf();
  }
  // Lengths under half the pivot count as half (Xapian's BM25 min_normlen).
  double norm = (1 - b) + b * std::max(length / kPivotLength, 0.5);
  for (auto t = generated.termlist_begin(); t != generated.termlist_end(); ++t) {
    double wdf = std::round(kWdfScale * t.get_wdf() / norm);
    out.add_term(*t, static_cast<Xapian::termcount>(std::max(1.0, wdf)));
  }
}

}  // namespace

// Stored passage: each field as a varint length (or value) then its bytes, in
// a fixed order. Read on every hit, so no parsing beyond lengths (it was JSON:
// ~15 % of a query's CPU at 100,000 passages, docs/benchmarks/evidence.md).
namespace {

void PutVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

bool GetVarint(std::string_view& in, uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

bool GetString(std::string_view& in, std::string& s) {
  uint64_t n = 0;
  if (!GetVarint(in, n) || n > in.size()) return false;
  s.assign(in.substr(0, n));
  in.remove_prefix(n);
  return true;
}

}  // namespace

std::string EncodePassage(const StoredPassage& p) {
  std::string out;
  out.reserve(p.text.size() + p.doc_id.size() + p.title.size() + p.source.size() + 32);
  for (const std::string* s : {&p.doc_id, &p.title, &p.year, &p.source, &p.type, &p.lang}) {
    PutVarint(out, s->size());
    out += *s;
  }
  PutVarint(out, p.start);
  PutVarint(out, p.end);
  PutVarint(out, p.text.size());
  out += p.text;
  return out;
}

StoredPassage DecodePassage(const std::string& data) {
  StoredPassage p;
  std::string_view in(data);
  uint64_t start = 0;
  uint64_t end = 0;
  for (std::string* s : {&p.doc_id, &p.title, &p.year, &p.source, &p.type, &p.lang}) {
    if (!GetString(in, *s)) return {};
  }
  if (!GetVarint(in, start) || !GetVarint(in, end) || !GetString(in, p.text)) return {};
  p.start = static_cast<size_t>(start);
  p.end = static_cast<size_t>(end);
  return p;
}

EvidenceIndex::EvidenceIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EvidenceIndex::~EvidenceIndex() = default;

Result<std::unique_ptr<EvidenceIndex>> EvidenceIndex::OpenWritable(const std::string& dir,
                                                                   const IndexOptions& options) {
  try {
    auto impl = std::make_unique<Impl>();
    impl->writable.emplace(dir, Xapian::DB_CREATE_OR_OPEN);
    VIGIE_RETURN_IF_ERROR(CheckFormat(*impl->writable, dir));
    impl->writable->set_metadata(kFormatKey, kFormat);
    impl->options = SettleOptions(*impl->writable, options);
    return std::unique_ptr<EvidenceIndex>(new EvidenceIndex(std::move(impl)));
  } catch (const Xapian::Error& e) {
    return XapianError(e);
  }
}

Result<std::unique_ptr<EvidenceIndex>> EvidenceIndex::OpenReadOnly(const std::string& dir) {
  try {
    auto impl = std::make_unique<Impl>();
    impl->readonly.emplace(dir);
    VIGIE_RETURN_IF_ERROR(CheckFormat(*impl->readonly, dir));
    return std::unique_ptr<EvidenceIndex>(new EvidenceIndex(std::move(impl)));
  } catch (const Xapian::DatabaseNotFoundError&) {
    return Status::Error(ErrorCode::kNotFound, {"evidence index " + dir});
  } catch (const Xapian::DatabaseOpeningError&) {
    return Status::Error(ErrorCode::kNotFound, {"evidence index " + dir});
  } catch (const Xapian::Error& e) {
    return XapianError(e);
  }
}

Result<std::unique_ptr<EvidenceIndex>> EvidenceIndex::InMemory(const IndexOptions& options) {
  try {
    auto impl = std::make_unique<Impl>();
    impl->writable.emplace(std::string(), Xapian::DB_BACKEND_INMEMORY);
    impl->writable->set_metadata(kFormatKey, kFormat);
    impl->options = SettleOptions(*impl->writable, options);
    return std::unique_ptr<EvidenceIndex>(new EvidenceIndex(std::move(impl)));
  } catch (const Xapian::Error& e) {
    return XapianError(e);
  }
}

Result<AddOutcome> EvidenceIndex::AddDocument(const Document& doc, const PassageOptions& options) {
  if (!impl_->writable) {
    return Status::Error(ErrorCode::kInvalidArgument, {"evidence index opened read-only"});
  }
  if (doc.id.empty()) return Status::Error(ErrorCode::kDataError, {doc.source, "document id"});
  std::lock_guard<std::mutex> lock(impl_->mu);
  try {
    Xapian::WritableDatabase& db = *impl_->writable;
    std::string hash_key = "hash:" + doc.id;
    std::string hash = ContentHash(doc);
    std::string old = db.get_metadata(hash_key);
    if (old == hash) return AddOutcome::kUnchanged;
    std::string doc_term = kDocPrefix + doc.id;
    if (!old.empty()) db.delete_document(doc_term);
    Xapian::TermGenerator gen;
    gen.set_stemmer(doc.lang == "fr" ? impl_->stem_fr : impl_->stem_en);
    // Stems only (Z-prefixed): the search never asks for unstemmed words,
    // and indexing them too doubled the index and its build time. No
    // positions: they were half of the index and 40 % of its build time;
    // phrase queries check the stored passage text instead (search.cc,
    // PhraseCheck). docs/benchmarks/evidence.md, Scale.
    gen.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    // A new document's records are added without the unique-term lookups of
    // replace_document (bulk indexing speed); a changed one was deleted above.
    std::vector<Passage> passages = MakePassages(doc, options);
    // Only an untitled one-passage document without subject headings is its
    // own whole-document record.
    bool own_whole = passages.size() == 1 && doc.title.empty() && doc.keywords.empty();
    for (const Passage& passage : passages) {
      Xapian::Document generated;
      gen.set_document(generated);
      gen.index_text_without_positions(text::Fold(passage.text));
      Xapian::Document xdoc;
      // (A one-passage document's own whole record is normalised as a passage.)
      AddNormalisedTerms(generated, impl_->options.bm25_b_passages, xdoc);
      xdoc.add_boolean_term(doc_term);
      xdoc.add_boolean_term(kPassageTerm);
      // A one-passage document is its own whole-document record.
      if (own_whole) {
        xdoc.add_boolean_term(kWholeTerm);
      } else {
        xdoc.add_boolean_term(kPassageOnlyTerm);
      }
      xdoc.add_value(kDocIdSlot, doc.id);
      xdoc.set_data(EncodePassage({doc.id, doc.title, doc.year, doc.source, doc.type, doc.lang,
                                   passage.start, passage.end, passage.text}));
      db.add_document(xdoc);
    }
    if (!own_whole) {
      // The whole record also holds the title's words and the subject
      // headings (passages do not).
      Xapian::Document generated;
      gen.set_document(generated);
      gen.index_text_without_positions(text::Fold(doc.title + "\n" + doc.text));
      // Headings are the indexers' words, not the authors': their own prefix,
      // so that a match through them counts as weaker evidence.
      for (const std::string& keyword : doc.keywords) {
        // STEM_ALL_Z puts Z before the prefix: terms "ZM" + stem.
        gen.index_text_without_positions(text::Fold(keyword), 1, "M");
      }
      Xapian::Document whole;
      AddNormalisedTerms(generated, impl_->options.bm25_b, whole);
      whole.add_boolean_term(doc_term);
      whole.add_boolean_term(kWholeTerm);
      whole.add_boolean_term(kWholeOnlyTerm);
      whole.add_value(kDocIdSlot, doc.id);
      db.add_document(whole);
    }
    db.set_metadata(hash_key, hash);
    return old.empty() ? AddOutcome::kAdded : AddOutcome::kReplaced;
  } catch (const Xapian::Error& e) {
    return XapianError(e);
  }
}

Status EvidenceIndex::Commit() {
  if (!impl_->writable) return Status::Ok();
  std::lock_guard<std::mutex> lock(impl_->mu);
  try {
    impl_->writable->commit();
    return Status::Ok();
  } catch (const Xapian::Error& e) {
    return XapianError(e);
  }
}

Status EvidenceIndex::Compact(const std::string& folder) {
  namespace fs = std::filesystem;
  // "idx/" and "idx" alike: the siblings below must not land inside it.
  std::string dir = folder;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  std::string compacted = dir + ".compacting";
  std::string previous = dir + ".previous";
  try {
    {
      Xapian::Database db(dir);
      VIGIE_RETURN_IF_ERROR(CheckFormat(db, dir));
      std::error_code ec;
      fs::remove_all(compacted, ec);
      db.compact(compacted, Xapian::DBCOMPACT_NO_RENUMBER);
    }
    std::error_code ec;
    fs::remove_all(previous, ec);
    fs::rename(dir, previous, ec);
    if (ec) return Status::Error(ErrorCode::kIoError, {dir + ": " + ec.message()});
    fs::rename(compacted, dir, ec);
    if (ec) {
      std::error_code restore;
      fs::rename(previous, dir, restore);
      return Status::Error(ErrorCode::kIoError, {dir + ": " + ec.message()});
    }
    fs::remove_all(previous, ec);
    return Status::Ok();
  } catch (const Xapian::DatabaseNotFoundError&) {
    return Status::Error(ErrorCode::kNotFound, {"evidence index " + dir});
  } catch (const Xapian::DatabaseOpeningError&) {
    return Status::Error(ErrorCode::kNotFound, {"evidence index " + dir});
  } catch (const Xapian::Error& e) {
    return XapianError(e);
  }
}

size_t EvidenceIndex::PassageCount() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  try {
    return impl_->db().get_termfreq(kPassageTerm);
  } catch (const Xapian::Error&) {
    return 0;
  }
}

size_t EvidenceIndex::DocumentCount() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  try {
    size_t n = 0;
    const Xapian::Database& db = impl_->db();
    for (auto it = db.allterms_begin(kDocPrefix); it != db.allterms_end(kDocPrefix); ++it) ++n;
    return n;
  } catch (const Xapian::Error&) {
    return 0;
  }
}

}  // namespace vigie::evidence
