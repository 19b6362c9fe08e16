#include "vigie/api/openapi.h"

#include <gtest/gtest.h>

namespace vigie::api {
namespace {

using nlohmann::json;

TEST(OpenApiTest, ARouteRegisteredInProcessAppearsInTheDocument) {
  LocalDevAuthenticator auth(Role::kAdmin);
  Router router(auth);
  json schema = {{"type", "object"}, {"properties", {{"q", {{"type", "string"}}}}}};
  ASSERT_TRUE(
      router
          .Add({"POST", "/v1/widgets/{widget_id}", Role::kClinician, "runWidget", "Run a widget",
                "widgets", schema, json{{"type", "object"}}, "application/json",
                [](const HttpRequest&) -> Result<HttpResponse> { return HttpResponse::Json({}); }})
          .ok());
  json doc = BuildOpenApi(router, "9.9.9");
  EXPECT_EQ(doc["openapi"], "3.1.0");
  EXPECT_EQ(doc["info"]["version"], "9.9.9");
  const json& op = doc["paths"]["/v1/widgets/{widget_id}"]["post"];
  ASSERT_TRUE(op.is_object());
  EXPECT_EQ(op["operationId"], "runWidget");
  EXPECT_EQ(op["parameters"][0]["name"], "widget_id");
  EXPECT_EQ(op["requestBody"]["content"]["application/json"]["schema"], schema);
  EXPECT_EQ(op["x-vigie-role"], "clinician");
  EXPECT_TRUE(op["responses"].contains("400"));
  EXPECT_TRUE(op["responses"].contains("403"));
  EXPECT_EQ(doc["tags"][0]["name"], "widgets");
}

}  // namespace
}  // namespace vigie::api
