# Runs `${PROGRAM} ${CASE}` and passes when the program does not exit normally (abort) and
# its stderr contains ${MESSAGE}: the behaviour of an invalid parameter without exceptions.
execute_process(COMMAND "${PROGRAM}" "${CASE}" RESULT_VARIABLE result OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(result EQUAL 0)
  message(FATAL_ERROR "${CASE}: the program returned normally; stdout: ${out} stderr: ${err}")
endif()
string(FIND "${err}" "${MESSAGE}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${CASE}: stderr lacks \"${MESSAGE}\"; it was: ${err} (result ${result})")
endif()
message(STATUS "${CASE}: aborted (${result}) with \"${MESSAGE}\"")
