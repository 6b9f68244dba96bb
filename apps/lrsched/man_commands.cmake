# Writes a help2man include file with a COMMANDS section: each command's --help, as the
# command prints it. Run as `cmake -DLRSCHED=<path> -DOUTPUT=<file> -P man_commands.cmake`.
execute_process(COMMAND "${LRSCHED}" --help OUTPUT_VARIABLE overview RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${LRSCHED} --help failed")
endif()
string(REGEX MATCH "\ncommands:\n(  [^\n]*\n)+" listing "${overview}")
string(REGEX MATCHALL "\n  [a-z][a-z-]*" names "${listing}")
set(text "[COMMANDS]\n")
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  execute_process(COMMAND "${LRSCHED}" ${name} --help OUTPUT_VARIABLE help
    RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${LRSCHED} ${name} --help failed")
  endif()
  # Roff: a backslash is written \e, and a line may not start with a dot or a quote.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  string(APPEND text ".SS ${name}\n.nf\n${help}.fi\n")
endforeach()
file(WRITE "${OUTPUT}" "${text}")
