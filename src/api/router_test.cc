#include "vigie/api/router.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace vigie::api {
namespace {

using nlohmann::json;

Route EchoRoute(Role role) {
  return {"POST",
          "/v1/items/{id}",
          role,
          "echoItem",
          "Echo",
          "test",
          json{{"type", "object"}},
          nullptr,
          "application/json",
          [](const HttpRequest& req) -> Result<HttpResponse> {
            Result<json> body = ParseJsonBody(req);
            if (!body.ok()) return body.status();
            return HttpResponse::Json({{"id", req.path_params.at("id")}, {"body", *body}});
          }};
}

HttpRequest Post(const std::string& path, const std::string& body) {
  HttpRequest r;
  r.method = "POST";
  r.path = path;
  r.body = body;
  r.headers["content-type"] = "application/json";
  r.request_id = "t-1";
  return r;
}

TEST(RouterTest, MatchesParametersAndRunsHandler) {
  LocalDevAuthenticator auth(Role::kClinician);
  Router router(auth);
  ASSERT_TRUE(router.Add(EchoRoute(Role::kClinician)).ok());
  HttpRequest req = Post("/v1/items/42", R"({"a": 1})");
  HttpResponse res = router.Dispatch(req);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(json::parse(res.body)["id"], "42");
  EXPECT_EQ(req.matched_route, "/v1/items/{id}");
  EXPECT_EQ(req.principal.id, "local");
}

TEST(RouterTest, UnknownRouteIs404Json) {
  LocalDevAuthenticator auth(Role::kClinician);
  Router router(auth);
  HttpRequest req = Post("/nowhere", "{}");
  HttpResponse res = router.Dispatch(req);
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(json::parse(res.body)["error"]["code"], "route_not_found");
  EXPECT_EQ(json::parse(res.body)["error"]["request_id"], "t-1");
}

TEST(RouterTest, WrongMethodIs405WithAllow) {
  LocalDevAuthenticator auth(Role::kClinician);
  Router router(auth);
  ASSERT_TRUE(router.Add(EchoRoute(Role::kClinician)).ok());
  HttpRequest req = Post("/v1/items/1", "{}");
  req.method = "GET";
  HttpResponse res = router.Dispatch(req);
  EXPECT_EQ(res.status, 405);
  ASSERT_EQ(res.headers.size(), 1u);
  EXPECT_EQ(res.headers[0].second, "POST");
}

TEST(RouterTest, RoleIsEnforcedForEveryRoute) {
  LocalDevAuthenticator public_auth(Role::kPublic);
  Router router(public_auth);
  ASSERT_TRUE(router.Add(EchoRoute(Role::kClinician)).ok());
  HttpRequest req = Post("/v1/items/1", "{}");
  HttpResponse res = router.Dispatch(req);
  EXPECT_EQ(res.status, 403);
  EXPECT_EQ(json::parse(res.body)["error"]["code"], "forbidden");
}

TEST(RouterTest, MalformedJsonIs400InTheRequestLanguage) {
  LocalDevAuthenticator auth(Role::kAdmin);
  Router router(auth);
  ASSERT_TRUE(router.Add(EchoRoute(Role::kClinician)).ok());
  HttpRequest req = Post("/v1/items/1", R"({"a": )");
  req.lang = Lang::kEn;
  HttpResponse res = router.Dispatch(req);
  EXPECT_EQ(res.status, 400);
  json err = json::parse(res.body)["error"];
  EXPECT_EQ(err["code"], "malformed_json");
  EXPECT_EQ(err["message"].get<std::string>().rfind("Malformed JSON", 0), 0u);
}

TEST(RouterTest, WrongContentTypeIs415) {
  LocalDevAuthenticator auth(Role::kAdmin);
  Router router(auth);
  ASSERT_TRUE(router.Add(EchoRoute(Role::kClinician)).ok());
  HttpRequest req = Post("/v1/items/1", "{}");
  req.headers["content-type"] = "text/plain";
  EXPECT_EQ(router.Dispatch(req).status, 415);
}

TEST(RouterTest, HandlerExceptionBecomes500WithoutItsMessage) {
  LocalDevAuthenticator auth(Role::kAdmin);
  Router router(auth);
  Route r = EchoRoute(Role::kPublic);
  r.handler = [](const HttpRequest&) -> Result<HttpResponse> {
    throw std::runtime_error("patient Dupont");
  };
  ASSERT_TRUE(router.Add(std::move(r)).ok());
  HttpRequest req = Post("/v1/items/1", "{}");
  HttpResponse res = router.Dispatch(req);
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("Dupont"), std::string::npos);
}

TEST(RouterTest, RejectsDuplicateAndMalformedRoutes) {
  LocalDevAuthenticator auth(Role::kAdmin);
  Router router(auth);
  ASSERT_TRUE(router.Add(EchoRoute(Role::kPublic)).ok());
  EXPECT_FALSE(router.Add(EchoRoute(Role::kPublic)).ok());
  Route bad = EchoRoute(Role::kPublic);
  bad.path = "no-slash";
  EXPECT_FALSE(router.Add(bad).ok());
}

}  // namespace
}  // namespace vigie::api
