# Opt-in integration targets. Each exists only when its dependency is found, so a
# user of the core needs nothing but a C++20 compiler. The minimum versions are also what
# the installed lrschedConfig.cmake asks for when a consumer requests the component.
set(LRSCHED_NLOHMANN_JSON_MIN_VERSION 3.10)
set(LRSCHED_FMT_MIN_VERSION 9)
set(LRSCHED_CERES_MIN_VERSION 2.1)

find_package(nlohmann_json ${LRSCHED_NLOHMANN_JSON_MIN_VERSION} QUIET CONFIG)
if(nlohmann_json_FOUND)
  add_library(lrsched_json INTERFACE)
  add_library(lrsched::json ALIAS lrsched_json)
  target_link_libraries(lrsched_json INTERFACE lrsched nlohmann_json::nlohmann_json)
  set_target_properties(lrsched_json PROPERTIES EXPORT_NAME json)
endif()

find_package(fmt ${LRSCHED_FMT_MIN_VERSION} QUIET CONFIG)
if(fmt_FOUND)
  add_library(lrsched_fmt INTERFACE)
  add_library(lrsched::fmt ALIAS lrsched_fmt)
  target_link_libraries(lrsched_fmt INTERFACE lrsched fmt::fmt)
  set_target_properties(lrsched_fmt PROPERTIES EXPORT_NAME fmt)
endif()

# Loss-curve laws and their fitting (lrsched/loss.hpp): the fit is a nonlinear least-squares
# problem solved with Ceres Solver.
find_package(Ceres ${LRSCHED_CERES_MIN_VERSION} QUIET CONFIG)
if(Ceres_FOUND)
  add_library(lrsched_loss INTERFACE)
  add_library(lrsched::loss ALIAS lrsched_loss)
  target_link_libraries(lrsched_loss INTERFACE lrsched Ceres::ceres)
  # Its own header set, so the header verification compiles them with Ceres at hand.
  file(GLOB _lrsched_loss_headers CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/include/lrsched/loss/*.hpp")
  target_sources(lrsched_loss INTERFACE
    FILE_SET HEADERS
    BASE_DIRS "${PROJECT_SOURCE_DIR}/include"
    FILES "${PROJECT_SOURCE_DIR}/include/lrsched/loss.hpp" ${_lrsched_loss_headers})
  set_target_properties(lrsched_loss PROPERTIES EXPORT_NAME loss)
endif()
