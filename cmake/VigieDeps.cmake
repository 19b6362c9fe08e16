# Third-party dependencies, all from Debian packages (scripts/install-deps).
# Imported targets are SYSTEM includes, so -Werror applies to project code only.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(SQLite3 REQUIRED)
# CDS Hooks client JWTs (ES384/RS384) are verified with OpenSSL's libcrypto.
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)
find_package(ICU REQUIRED COMPONENTS uc i18n)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(POPPLER REQUIRED IMPORTED_TARGET poppler-cpp)

if(VIGIE_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(VIGIE_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
# RE2: linear-time regular expressions for public-mode red-flag patterns (triage).
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)

# Evidence (issue 6): Xapian for search, poppler-cpp for PDF text.
find_package(Xapian REQUIRED)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
if(VIGIE_BUILD_BENCH)
  # Lucene++ is a benchmark peer only (bench/evidence_scale_bench.cc).
  pkg_check_modules(LUCENEPP IMPORTED_TARGET liblucene++)
endif()
