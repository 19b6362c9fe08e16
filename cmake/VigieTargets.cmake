# Helpers that give every project target the same flags.

# Warnings as errors for project code only (third-party headers are SYSTEM).
set(VIGIE_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wconversion
    -Wsign-conversion -Wimplicit-fallthrough -Werror)
# (-Wnull-dereference is off: libstdc++ 12 streambuf triggers it at -O3.)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 reports false positives inside libstdc++ with -O2 (PR 105329).
  list(APPEND VIGIE_WARNINGS -Wno-restrict -Wno-maybe-uninitialized)
endif()

function(vigie_flags target)
  target_compile_options(${target} PRIVATE ${VIGIE_WARNINGS})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/include)
endfunction()

# vigie_library(NAME SOURCES... [DEPS ...]): library vigie_NAME, alias vigie::NAME.
function(vigie_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(vigie_${name} STATIC ${ARG_SOURCES})
  add_library(vigie::${name} ALIAS vigie_${name})
  vigie_flags(vigie_${name})
  target_include_directories(vigie_${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(vigie_${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
endfunction()

# vigie_test(NAME SOURCES... DEPS ...): a GoogleTest binary registered with CTest.
function(vigie_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT VIGIE_BUILD_TESTS)
    return()
  endif()
  add_executable(${name} ${ARG_SOURCES})
  vigie_flags(${name})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock
                        GTest::gtest_main)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES
    LABELS "unit;${ARG_LABELS}"
    ENVIRONMENT "VIGIE_SOURCE_DIR=${PROJECT_SOURCE_DIR};VIGIE_BINARY_DIR=${PROJECT_BINARY_DIR}")
endfunction()

# vigie_fuzz(NAME SOURCES... DEPS ...): a libFuzzer target. In the fuzz preset it
# is a real fuzzer; in every other preset it is linked with fuzz/replay_main.cc
# and CTest replays tests/fuzz/NAME (kept crash cases included).
function(vigie_fuzz name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  set(target fuzz_${name})
  if(VIGIE_FUZZ)
    add_executable(${target} ${ARG_SOURCES})
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
  else()
    add_executable(${target} ${ARG_SOURCES} ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cc)
  endif()
  vigie_flags(${target})
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${target} PRIVATE ${ARG_DEPS})
  set(corpus ${PROJECT_SOURCE_DIR}/tests/fuzz/${name})
  if(VIGIE_FUZZ)
    add_test(NAME ${target}_replay COMMAND ${target} -runs=0 ${corpus})
  else()
    add_test(NAME ${target}_replay COMMAND ${target} ${corpus})
  endif()
  set_tests_properties(${target}_replay PROPERTIES LABELS "fuzz")
endfunction()

# vigie_bench(NAME SOURCES... DEPS ...): a benchmark program in bench/.
function(vigie_bench name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  vigie_flags(${name})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS})
endfunction()
