// Loading of the repository's clinical content through the Env (see
// content.h). Thread-safety: no shared state.
#include "vigie/app/content.h"

namespace vigie::app {

std::string ContentDir(const Settings& settings) {
  return settings.content_dir.empty() ? std::string(VIGIE_DEFAULT_CONTENT_DIR) : settings.content_dir;
}

Result<exam::RuleSet> LoadExamRules(Env& env, const std::string& content_dir) {
  std::string dir = JoinPath(content_dir, "exam-rules");
  if (!env.IsDirectory(dir)) return Status::Error(ErrorCode::kFileNotFound, {dir});
  Result<std::vector<std::string>> names = env.ListDir(dir);
  if (!names.ok()) return names.status();
  exam::RuleSet all;
  for (const std::string& name : *names) {
    if (name.size() < 5 || name.substr(name.size() - 5) != ".json") continue;
    std::string path = JoinPath(dir, name);
    Result<std::string> text = env.ReadFile(path);
    if (!text.ok()) return text.status();
    Result<exam::RuleSet> rules = exam::ParseExamRules(*text);
    if (!rules.ok()) {
      return Status::Error(ErrorCode::kDataError, {path, rules.status().Message(Lang::kEn)});
    }
    VIGIE_RETURN_IF_ERROR(exam::MergeRuleSets(all, std::move(rules).value()));
  }
  return all;
}

}  // namespace vigie::app
