#include "vigie/api/metrics.h"

#include <gtest/gtest.h>

namespace vigie::api {
namespace {

TEST(MetricsTest, CountsAndHistogramInPrometheusFormat) {
  Metrics m;
  m.Record("GET", "/healthz", 200, 0.0007);
  m.Record("GET", "/healthz", 200, 0.2);
  m.Record("POST", "/v1/calc/{id}", 400, 0.003);
  std::string text = m.RenderPrometheus();
  EXPECT_NE(text.find("# TYPE vigie_http_requests_total counter"), std::string::npos);
  EXPECT_NE(
      text.find("vigie_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2"),
      std::string::npos);
  // 0.0007 s falls in the 0.001 bucket, 0.2 s does not.
  EXPECT_NE(
      text.find("vigie_http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\","
                "le=\"0.001\"} 1"),
      std::string::npos);
  EXPECT_NE(
      text.find("vigie_http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\","
                "le=\"0.25\"} 2"),
      std::string::npos);
  EXPECT_NE(
      text.find(
          "vigie_http_request_duration_seconds_count{method=\"POST\",route=\"/v1/calc/{id}\"} 1"),
      std::string::npos);
}

}  // namespace
}  // namespace vigie::api
