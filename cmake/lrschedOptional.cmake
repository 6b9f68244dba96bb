# Opt-in integration targets. Each exists only when its dependency is found, so a
# user of the core needs nothing but a C++20 compiler.
find_package(nlohmann_json 3.10 QUIET CONFIG)
if(nlohmann_json_FOUND)
  add_library(lrsched_json INTERFACE)
  add_library(lrsched::json ALIAS lrsched_json)
  target_link_libraries(lrsched_json INTERFACE lrsched nlohmann_json::nlohmann_json)
  set_target_properties(lrsched_json PROPERTIES EXPORT_NAME json)
endif()

find_package(fmt 9 QUIET CONFIG)
if(fmt_FOUND)
  add_library(lrsched_fmt INTERFACE)
  add_library(lrsched::fmt ALIAS lrsched_fmt)
  target_link_libraries(lrsched_fmt INTERFACE lrsched fmt::fmt)
  set_target_properties(lrsched_fmt PROPERTIES EXPORT_NAME fmt)
endif()
