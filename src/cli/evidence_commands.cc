// `vigie evidence index`, `vigie search`, `vigie ask`: build the literature
// index from corpus files, search it, answer from it with citations.
// Files are read through the Env; the index directory defaults to the
// `evidence.index_dir` setting. Thread-safety: single-threaded CLI.
#include <memory>
#include <sstream>

#include "cli/commands.h"
#include "vigie/evidence/json.h"
#include "vigie/evidence/lexicon_setup.h"

namespace vigie::cli {
namespace {

struct EvidenceFlags {
  std::vector<std::string> inputs;
  std::string index_dir;
  std::string query;
  int64_t k = 10;
  bool compact = false;
};

// Files of a path: the file itself, or the corpus files of a directory (not recursive).
Result<std::vector<std::string>> InputFiles(Env& env, const std::string& path) {
  if (!env.IsDirectory(path)) {
    if (!env.FileExists(path)) return Status::Error(ErrorCode::kFileNotFound, {path});
    return std::vector<std::string>{path};
  }
  Result<std::vector<std::string>> names = env.ListDir(path);
  if (!names.ok()) return names.status();
  std::vector<std::string> files;
  for (const std::string& name : *names) {
    for (const char* ext : {".jsonl", ".xml", ".txt", ".md", ".pdf"}) {
      if (name.ends_with(ext)) files.push_back(JoinPath(path, name));
    }
  }
  return files;
}

Result<std::string> IndexDir(CliContext& ctx, const EvidenceFlags& flags, Settings* out) {
  Result<Settings> settings = ctx.LoadSettings();
  if (!settings.ok()) return settings.status();
  if (out != nullptr) *out = *settings;
  return flags.index_dir.empty() ? settings->evidence_index_dir : flags.index_dir;
}

Status RunIndex(CliContext& ctx, const EvidenceFlags& flags) {
  Result<std::string> dir = IndexDir(ctx, flags, nullptr);
  if (!dir.ok()) return dir.status();
  if (flags.inputs.empty()) return Status::Error(ErrorCode::kUsage, {"--input"});
  VIGIE_RETURN_IF_ERROR(ctx.env->CreateDirs(*dir));
  auto index = evidence::EvidenceIndex::OpenWritable(*dir);
  if (!index.ok()) return index.status();
  size_t added = 0, replaced = 0, unchanged = 0;
  for (const std::string& input : flags.inputs) {
    Result<std::vector<std::string>> files = InputFiles(*ctx.env, input);
    if (!files.ok()) return files.status();
    for (const std::string& file : *files) {
      Result<std::string> content = ctx.env->ReadFile(file);
      if (!content.ok()) return content.status();
      auto docs = evidence::ReadCorpusFile(file, *content);
      if (!docs.ok()) return docs.status();
      for (const evidence::Document& doc : *docs) {
        auto outcome = (*index)->AddDocument(doc);
        if (!outcome.ok()) return outcome.status();
        added += *outcome == evidence::AddOutcome::kAdded ? 1u : 0u;
        replaced += *outcome == evidence::AddOutcome::kReplaced ? 1u : 0u;
        unchanged += *outcome == evidence::AddOutcome::kUnchanged ? 1u : 0u;
      }
    }
  }
  VIGIE_RETURN_IF_ERROR((*index)->Commit());
  if (flags.compact) {
    index->reset();  // the writer must be closed to compact
    VIGIE_RETURN_IF_ERROR(evidence::EvidenceIndex::Compact(*dir));
    index = evidence::EvidenceIndex::OpenReadOnly(*dir);
    if (!index.ok()) return index.status();
  }
  std::ostringstream human;
  human << ctx.T("Index ", "Index ") << *dir << " : " << added << ctx.T(" ajoutés, ", " added, ")
        << replaced << ctx.T(" remplacés, ", " replaced, ") << unchanged
        << ctx.T(" inchangés ; ", " unchanged; ") << (*index)->DocumentCount()
        << ctx.T(" documents, ", " documents, ") << (*index)->PassageCount() << " passages";
  ctx.Emit({{"index", *dir},
            {"added", added},
            {"replaced", replaced},
            {"unchanged", unchanged},
            {"documents", (*index)->DocumentCount()},
            {"passages", (*index)->PassageCount()}},
           human.str());
  return Status::Ok();
}

Status RunQuery(CliContext& ctx, const EvidenceFlags& flags, bool ask) {
  Settings settings;
  Result<std::string> dir = IndexDir(ctx, flags, &settings);
  if (!dir.ok()) return dir.status();
  auto index = evidence::EvidenceIndex::OpenReadOnly(*dir);
  if (!index.ok()) return index.status();
  // Lexicon, WordNet synonyms and brand -> DCI names from the KB (--db).
  auto loaded = evidence::LoadQueryLexicon(*ctx.env, settings);
  if (!loaded.ok()) return loaded.status();
  auto lexicon = std::make_unique<evidence::Lexicon>(std::move(loaded).value());
  std::ostringstream human;
  if (ask) {
    auto answer = evidence::AskQuestion(**index, lexicon.get(), flags.query);
    if (!answer.ok()) return answer.status();
    if (answer->abstained) human << answer->message;
    for (const evidence::AnswerSentence& s : answer->sentences) {
      human << s.text;
      for (size_t c : s.citations) human << " [" << c + 1 << "]";
      human << "\n";
    }
    for (size_t i = 0; i < answer->citations.size(); ++i) {
      const auto& p = answer->citations[i].passage;
      human << "[" << i + 1 << "] " << p.doc_id << (p.year.empty() ? "" : " (" + p.year + ")")
            << " " << p.start << "-" << p.end << "\n";
    }
    std::string text = human.str();
    if (!text.empty() && text.back() == '\n') text.pop_back();
    ctx.Emit(evidence::AnswerToJson(*answer), text);
    return Status::Ok();
  }
  if (flags.k < 1 || flags.k > 100)
    return Status::Error(ErrorCode::kOutOfRange, {"--k", "1", "100"});
  auto hits =
      evidence::Search(**index, lexicon.get(), {flags.query, static_cast<size_t>(flags.k), true});
  if (!hits.ok()) return hits.status();
  for (size_t i = 0; i < hits->size(); ++i) {
    const evidence::Hit& h = (*hits)[i];
    human << i + 1 << ". " << h.passage.doc_id << "  " << h.score << "\n   "
          << h.passage.text.substr(0, 200) << (i + 1 < hits->size() ? "\n" : "");
  }
  ctx.Emit(evidence::HitsToJson(*hits), human.str());
  return Status::Ok();
}

void AddIndexOption(CommandRegistry& registry, CLI::App* cmd, EvidenceFlags& flags) {
  cmd->add_option("--index", flags.index_dir,
                  registry.T("Dossier de l'index (défaut : réglage evidence.index_dir)",
                             "Index folder (default: setting evidence.index_dir)"));
}

}  // namespace

void RegisterEvidenceCommands(CommandRegistry& registry) {
  auto flags = std::make_shared<EvidenceFlags>();
  CLI::App* group = registry.Add(nullptr, "evidence", "Corpus de littérature : indexation",
                                 "Literature corpus: indexing", nullptr);
  CLI::App* index = registry.Add(
      group, "index",
      "Indexe des fichiers (.jsonl PubMedQA, .xml PubMed, .txt, .md, .pdf) ; incrémental",
      "Index files (.jsonl PubMedQA, .xml PubMed, .txt, .md, .pdf); incremental",
      [flags](CliContext& ctx) { return RunIndex(ctx, *flags); });
  index
      ->add_option("--input", flags->inputs, registry.T("Fichiers ou dossiers", "Files or folders"))
      ->required();
  index->add_flag(
      "--compact", flags->compact,
      registry.T("Réécrit l'index en blocs pleins après l'indexation (40 % plus petit après une "
                 "indexation en masse ; à faire quand aucun serveur ne l'utilise)",
                 "Rewrite the index with full blocks after indexing (40 % smaller after a bulk "
                 "build; do it while no server uses it)"));
  AddIndexOption(registry, index, *flags);

  CLI::App* search = registry.Add(nullptr, "search", "Cherche des passages dans la littérature",
                                  "Search the literature for passages", [flags](CliContext& ctx) {
                                    return RunQuery(ctx, *flags, false);
                                  });
  search->add_option("query", flags->query, registry.T("Requête", "Query"))->required();
  search->add_option("--k", flags->k, registry.T("Nombre de passages (1-100)", "Passages (1-100)"));
  AddIndexOption(registry, search, *flags);

  CLI::App* ask =
      registry.Add(nullptr, "ask", "Répond par des phrases citées de la littérature, ou s'abstient",
                   "Answer with cited sentences of the literature, or abstain",
                   [flags](CliContext& ctx) { return RunQuery(ctx, *flags, true); });
  ask->add_option("question", flags->query, registry.T("Question", "Question"))->required();
  AddIndexOption(registry, ask, *flags);
}

}  // namespace vigie::cli
