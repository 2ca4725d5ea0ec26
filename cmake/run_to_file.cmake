# cmake -DPROGRAM=... -DARGS=a,b -DOUTPUT=file -P run_to_file.cmake
# Runs PROGRAM ARGS and writes its stdout to OUTPUT; fails the build when the
# program fails or prints nothing (a man page or completion script must never
# be installed empty).
string(REPLACE "," ";" ARGS "${ARGS}")
execute_process(COMMAND "${PROGRAM}" ${ARGS}
                OUTPUT_FILE "${OUTPUT}.tmp"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} ${ARGS} failed (${rc})")
endif()
file(SIZE "${OUTPUT}.tmp" size)
if(size EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} ${ARGS} printed nothing")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
