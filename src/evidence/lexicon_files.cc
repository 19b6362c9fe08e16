// Loading the lexicon's data files through the Env (the only I/O of the
// evidence library; the caller passes the Env). Thread-safety: as the Env.
#include "vigie/evidence/lexicon.h"

namespace vigie::evidence {
namespace {

// Adds the *.tsv of `dir`, and of its sub-folders when `recurse`.
Status AddDir(Env& env, const std::string& dir, bool recurse, Lexicon& lexicon) {
  Result<std::vector<std::string>> names = env.ListDir(dir);
  if (!names.ok()) return names.status();
  for (const std::string& name : *names) {
    std::string path = JoinPath(dir, name);
    if (recurse && env.IsDirectory(path)) {
      VIGIE_RETURN_IF_ERROR(AddDir(env, path, false, lexicon));
      continue;
    }
    if (!name.ends_with(".tsv")) continue;
    Result<std::string> content = env.ReadFile(path);
    if (!content.ok()) return content.status();
    std::string_view kind = name.ends_with("suffixes.tsv")   ? "suffixes"
                            : name.ends_with("synonyms.tsv") ? "synonyms"
                                                             : "pairs";
    VIGIE_RETURN_IF_ERROR(lexicon.AddTsv(*content, path, kind));
  }
  return Status::Ok();
}

}  // namespace

Result<Lexicon> LoadLexicon(Env& env, const std::string& dir) {
  if (!env.IsDirectory(dir)) return Status::Error(ErrorCode::kFileNotFound, {dir});
  Lexicon lexicon;
  VIGIE_RETURN_IF_ERROR(AddDir(env, dir, true, lexicon));
  return lexicon;
}

}  // namespace vigie::evidence
