# Runs one libFuzzer target briefly as a CTest test (fuzz_smoke_<target>, see CMakeLists.txt):
#   cmake -DFUZZER=<binary> -DSEEDS=<seed dir> -DWORK=<scratch dir> [-DDICT=<file>]
#         [-DSECONDS=20] -P run_smoke.cmake
# The seeds are copied into WORK/corpus (libFuzzer adds new inputs to its corpus directory,
# and the source tree's seeds stay untouched); a finding (crash, sanitizer report, leak,
# timeout, out-of-memory) is saved in WORK/artifacts/ and fails the test.
if(NOT FUZZER OR NOT SEEDS OR NOT WORK)
  message(FATAL_ERROR "run_smoke.cmake needs -DFUZZER, -DSEEDS and -DWORK")
endif()
if(NOT SECONDS)
  set(SECONDS 20)
endif()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
file(GLOB seeds LIST_DIRECTORIES false ${SEEDS}/*)
if(NOT seeds)
  message(FATAL_ERROR "${SEEDS}: no seed inputs")
endif()
file(COPY ${seeds} DESTINATION ${WORK}/corpus)
set(args -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
         -artifact_prefix=${WORK}/artifacts/)
if(DICT)
  list(APPEND args -dict=${DICT})
endif()
list(JOIN args " " shown)
message(STATUS "${FUZZER} ${shown} ${WORK}/corpus")
execute_process(COMMAND ${FUZZER} ${args} ${WORK}/corpus RESULT_VARIABLE rc)
if(NOT rc STREQUAL "0")
  file(GLOB found ${WORK}/artifacts/*)
  message(FATAL_ERROR "${FUZZER}: finding (exit ${rc}); inputs: ${found}")
endif()
