// Route matching and dispatch (see router.h). Thread-safety: Dispatch only
// reads the table.
#include "vigie/api/router.h"

#include <exception>

namespace vigie::api {

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    parts.push_back(path.substr(i, j - i));
    i = j;
  }
  return parts;
}

namespace {

bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool MatchPath(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
               std::map<std::string, std::string>& params) {
  if (pattern.size() != path.size()) return false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (IsParam(pattern[i])) {
      params[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
    } else if (pattern[i] != path[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

Status Router::Add(Route route) {
  if (route.path.empty() || route.path.front() != '/' || !route.handler ||
      (route.method != "GET" && route.method != "POST" && route.method != "PUT" &&
       route.method != "DELETE")) {
    return Status::Error(ErrorCode::kInternal, {"route " + route.method + " " + route.path});
  }
  for (const Route& existing : routes_) {
    if (existing.method == route.method && existing.path == route.path) {
      return Status::Error(ErrorCode::kInternal, {"duplicate route " + route.path});
    }
  }
  routes_.push_back(std::move(route));
  return Status::Ok();
}

Router::Match Router::Find(const std::string& method, const std::string& path) const {
  Match match;
  std::vector<std::string> parts = SplitPath(path);
  for (const Route& route : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPath(SplitPath(route.path), parts, params)) continue;
    if (route.method == method) {
      match.route = &route;
      match.params = std::move(params);
      return match;
    }
    match.allowed_methods.push_back(route.method);
  }
  return match;
}

HttpResponse Router::Dispatch(HttpRequest& request) const {
  Match match = Find(request.method, request.path);
  if (match.route == nullptr) {
    if (!match.allowed_methods.empty()) {
      std::string allowed;
      for (const auto& m : match.allowed_methods) allowed += (allowed.empty() ? "" : ", ") + m;
      HttpResponse r =
          ErrorResponse(Status::Error(ErrorCode::kMethodNotAllowed, {request.method, allowed}),
                        request.lang, request.request_id);
      r.headers.emplace_back("Allow", allowed);
      return r;
    }
    return ErrorResponse(Status::Error(ErrorCode::kRouteNotFound, {request.path}), request.lang,
                         request.request_id);
  }
  request.path_params = std::move(match.params);
  request.matched_route = match.route->path;
  Result<Principal> principal = auth_.Authenticate(request);
  if (!principal.ok()) return ErrorResponse(principal.status(), request.lang, request.request_id);
  request.principal = *principal;
  if (static_cast<int>(request.principal.role) < static_cast<int>(match.route->role)) {
    if (request.principal.anonymous) {
      return ErrorResponse(Status::Error(ErrorCode::kUnauthenticated), request.lang,
                           request.request_id);
    }
    return ErrorResponse(
        Status::Error(ErrorCode::kForbidden, {std::string(RoleName(match.route->role))}),
        request.lang, request.request_id);
  }
  try {
    Result<HttpResponse> response = match.route->handler(request);
    if (!response.ok()) return ErrorResponse(response.status(), request.lang, request.request_id);
    return std::move(response).value();
  } catch (const std::exception&) {
    // what() may quote input; never sent or logged.
    return ErrorResponse(Status::Error(ErrorCode::kInternal, {request.request_id}), request.lang,
                         request.request_id);
  }
}

}  // namespace vigie::api
