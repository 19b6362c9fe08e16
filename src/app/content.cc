// Loading of the repository's clinical content through the Env (see
// content.h). Thread-safety: no shared state.
#include "vigie/app/content.h"

namespace vigie::app {

std::string ContentDir(const Settings& settings) {
  return settings.content_dir.empty() ? std::string(VIGIE_DEFAULT_CONTENT_DIR)
                                      : settings.content_dir;
}

namespace {

// Parses every *.json of <content_dir>/<sub> with `parse` and merges them.
template <typename Set, typename Parse, typename Merge>
Result<Set> LoadAll(Env& env, const std::string& content_dir, const char* sub, Parse parse,
                    Merge merge) {
  std::string dir = JoinPath(content_dir, sub);
  if (!env.IsDirectory(dir)) return Status::Error(ErrorCode::kFileNotFound, {dir});
  Result<std::vector<std::string>> names = env.ListDir(dir);
  if (!names.ok()) return names.status();
  Set all;
  for (const std::string& name : *names) {
    if (name.size() < 5 || name.substr(name.size() - 5) != ".json") continue;
    std::string path = JoinPath(dir, name);
    Result<std::string> text = env.ReadFile(path);
    if (!text.ok()) return text.status();
    Result<Set> one = parse(*text);
    if (!one.ok())
      return Status::Error(ErrorCode::kDataError, {path, one.status().Message(Lang::kEn)});
    VIGIE_RETURN_IF_ERROR(merge(all, std::move(one).value()));
  }
  return all;
}

}  // namespace

Result<exam::RuleSet> LoadExamRules(Env& env, const std::string& content_dir) {
  return LoadAll<exam::RuleSet>(env, content_dir, "exam-rules", &exam::ParseExamRules,
                                &exam::MergeRuleSets);
}

Result<dose::PosologyBook> LoadPosology(Env& env, const std::string& content_dir) {
  return LoadAll<dose::PosologyBook>(env, content_dir, "posology", &dose::ParsePosology,
                                     &dose::MergeBooks);
}

Result<check::CheckContent> LoadCheckContent(Env& env, const std::string& content_dir) {
  std::vector<check::ContentFile> files;
  for (const char* sub : {"posology", "check"}) {
    std::string dir = JoinPath(content_dir, sub);
    if (!env.IsDirectory(dir)) continue;
    Result<std::vector<std::string>> names = env.ListDir(dir);
    if (!names.ok()) return names.status();
    for (const std::string& name : *names) {
      if (!name.ends_with(".json")) continue;
      Result<std::string> text = env.ReadFile(JoinPath(dir, name));
      if (!text.ok()) return text.status();
      files.emplace_back(std::string(sub) + "/" + name, std::move(text).value());
    }
  }
  return check::ParseCheckContent(std::move(files));
}

}  // namespace vigie::app
