# Install rules: every public header, the exported targets, the package config and
# version files, lrsched.pc, and the compiled lrsched::json library when it is built.
# Installed tree (prefix-relative):
#   include/lrsched/**                    all headers, opt-in ones included
#   share/cmake/lrsched/                  lrschedConfig*.cmake, lrschedTargets.cmake and one
#                                         lrsched<Component>Targets.cmake per opt-in component;
#                                         in lib/cmake/lrsched/ instead when a compiled
#                                         component is installed (the package is then
#                                         specific to the architecture)
#   lib/liblrsched_json.a                 the compiled loader (not with LRSCHED_JSON_HEADER_ONLY)
#   share/pkgconfig/lrsched.pc
#   lib/pkgconfig/lrsched-json.pc         with the compiled loader
#   bin/lrsched                           only with LRSCHED_INSTALL_CLI=ON
include(CMakePackageConfigHelpers)

# A compiled component makes the package architecture-specific.
set(_lrsched_compiled OFF)
foreach(_target IN ITEMS lrsched_json lrsched_fmt lrsched_loss)
  if(TARGET ${_target})
    get_target_property(_type ${_target} TYPE)
    if(NOT _type STREQUAL "INTERFACE_LIBRARY")
      set(_lrsched_compiled ON)
    endif()
  endif()
endforeach()
if(_lrsched_compiled)
  set(_lrsched_cmakedir "${CMAKE_INSTALL_LIBDIR}/cmake/lrsched")
  set(_lrsched_arch_independent "")
else()
  set(_lrsched_cmakedir "${CMAKE_INSTALL_DATADIR}/cmake/lrsched")
  set(_lrsched_arch_independent ARCH_INDEPENDENT)
endif()
set(LRSCHED_INSTALL_CMAKEDIR "${_lrsched_cmakedir}" CACHE STRING
  "Where lrschedConfig.cmake is installed (relative to the prefix)")
set(LRSCHED_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_DATADIR}/pkgconfig" CACHE STRING
  "Where lrsched.pc is installed (relative to the prefix)")
mark_as_advanced(LRSCHED_INSTALL_CMAKEDIR LRSCHED_INSTALL_PKGCONFIGDIR)

# Install component of everything below but the command: what a -dev package holds.
set(_lrsched_dev lrsched_development)

# ------------------------------------------------------------------ headers, targets
# The header file set gives the exported target its include directory for CMake >= 3.23
# consumers; INCLUDES DESTINATION does the same for older ones.
# Without file sets (CMake < 3.23) every header is installed by the loop further down.
if(LRSCHED_FILE_SETS)
  set(_lrsched_file_set FILE_SET HEADERS DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
    COMPONENT ${_lrsched_dev})
else()
  set(_lrsched_file_set "")
endif()
install(TARGETS lrsched EXPORT lrschedTargets ${_lrsched_file_set}
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT lrschedTargets NAMESPACE lrsched::
  DESTINATION "${LRSCHED_INSTALL_CMAKEDIR}" COMPONENT ${_lrsched_dev})
set(_lrsched_installed_headers "")
if(LRSCHED_FILE_SETS)
  get_target_property(_lrsched_installed_headers lrsched HEADER_SET)
endif()

# Opt-in components: component name, its target (cmake/lrschedOptional.cmake), the export
# file, and the package it needs. Each has its own export file so that a consumer of the
# core never loads a file that refers to nlohmann_json::, fmt::, yaml-cpp or Ceres:: targets.
set(_lrsched_components json fmt yaml loss)
set(_lrsched_targets lrsched_json lrsched_fmt lrsched_yaml lrsched_loss)
set(_lrsched_files lrschedJsonTargets lrschedFmtTargets lrschedYamlTargets lrschedLossTargets)
set(_lrsched_packages "nlohmann_json ${LRSCHED_NLOHMANN_JSON_MIN_VERSION}"
  "fmt ${LRSCHED_FMT_MIN_VERSION}" "yaml-cpp ${LRSCHED_YAML_CPP_MIN_VERSION}"
  "Ceres ${LRSCHED_CERES_MIN_VERSION}")
# The components, and those a component's target links (lrsched::yaml links lrsched::json):
# lrschedConfig.cmake loads those first.
string(REPLACE ";" " " _lrsched_known "${_lrsched_components}")
set(LRSCHED_CONFIG_COMPONENTS
  "set(_lrsched_known_components \"${_lrsched_known}\")\nset(_lrsched_yaml_needs json)\n")
list(LENGTH _lrsched_components _count)
math(EXPR _last "${_count} - 1")
foreach(_index RANGE ${_last})
  foreach(_list IN ITEMS component target file package)
    list(GET _lrsched_${_list}s ${_index} _${_list})
  endforeach()
  # Written into lrschedConfig.cmake whether or not this build exports the component, so
  # a consumer asking for a missing one learns what it needs.
  string(APPEND LRSCHED_CONFIG_COMPONENTS
    "set(_lrsched_${_component}_file ${_file}.cmake)\n"
    "set(_lrsched_${_component}_package ${_package})\n")
  if(NOT TARGET ${_target})
    message(STATUS "lrsched install: component ${_component} not exported "
      "(${_package} not found or LRSCHED_* off)")
    continue()
  endif()
  install(TARGETS ${_target} EXPORT ${_file} ${_lrsched_file_set}
    ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT ${_lrsched_dev}
    INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
  install(EXPORT ${_file} NAMESPACE lrsched::
    DESTINATION "${LRSCHED_INSTALL_CMAKEDIR}" COMPONENT ${_lrsched_dev})
  if(LRSCHED_FILE_SETS)
    get_target_property(_component_headers ${_target} HEADER_SET)
    if(_component_headers)
      list(APPEND _lrsched_installed_headers ${_component_headers})
    endif()
  endif()
endforeach()

# Headers in no installed file set (json.hpp, fmt.hpp, torch.hpp, dialects/, ...) are
# installed whatever this build found, so one install serves every consumer.
file(GLOB_RECURSE _lrsched_all_headers CONFIGURE_DEPENDS
  "${PROJECT_SOURCE_DIR}/include/lrsched/*.hpp")
foreach(_header IN LISTS _lrsched_all_headers)
  if(NOT _header IN_LIST _lrsched_installed_headers)
    file(RELATIVE_PATH _relative "${PROJECT_SOURCE_DIR}/include" "${_header}")
    get_filename_component(_relative_dir "${_relative}" DIRECTORY)
    install(FILES "${_header}" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/${_relative_dir}"
      COMPONENT ${_lrsched_dev})
  endif()
endforeach()

# ----------------------------------------------------------- CMake package config
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/lrschedConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/lrschedConfig.cmake"
  INSTALL_DESTINATION "${LRSCHED_INSTALL_CMAKEDIR}")
# While the major version is 0, a new minor version may break: 0.2 does not satisfy a
# request for 0.1. From 1.0 on, SameMajorVersion.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_lrsched_compatibility SameMinorVersion)
else()
  set(_lrsched_compatibility SameMajorVersion)
endif()
write_basic_package_version_file("${PROJECT_BINARY_DIR}/lrschedConfigVersion.cmake"
  COMPATIBILITY ${_lrsched_compatibility} ${_lrsched_arch_independent})
install(FILES "${PROJECT_BINARY_DIR}/lrschedConfig.cmake"
  "${PROJECT_BINARY_DIR}/lrschedConfigVersion.cmake"
  DESTINATION "${LRSCHED_INSTALL_CMAKEDIR}" COMPONENT ${_lrsched_dev})

# ------------------------------------------------------------------------ pkg-config
# Written at install time from the prefix actually installed to: `cmake --install
# --prefix`, CPack's /usr and vcpkg's package directory all get a correct absolute path
# (a configure-time prefix would put /usr/local into the Debian package).
set(_lrsched_pc "${PROJECT_BINARY_DIR}/lrsched-install/lrsched.pc")
install(CODE "
  set(LRSCHED_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  if(IS_ABSOLUTE \"${CMAKE_INSTALL_INCLUDEDIR}\")
    set(LRSCHED_PC_INCLUDEDIR \"${CMAKE_INSTALL_INCLUDEDIR}\")
  else()
    set(LRSCHED_PC_INCLUDEDIR \"\\\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}\")
  endif()
  set(PROJECT_DESCRIPTION \"${PROJECT_DESCRIPTION}\")
  set(PROJECT_HOMEPAGE_URL \"${PROJECT_HOMEPAGE_URL}\")
  set(PROJECT_VERSION \"${PROJECT_VERSION}\")
  configure_file(\"${PROJECT_SOURCE_DIR}/cmake/lrsched.pc.in\" \"${_lrsched_pc}\" @ONLY)
" COMPONENT ${_lrsched_dev})
install(FILES "${_lrsched_pc}" DESTINATION "${LRSCHED_INSTALL_PKGCONFIGDIR}"
  COMPONENT ${_lrsched_dev})
# lrsched-json.pc: the compiled loader (`pkg-config --cflags --libs lrsched-json`), next to
# the library it names, so in lib/pkgconfig. The header-only loader needs no file of its
# own: lrsched.pc and nlohmann_json's.
set(_lrsched_json_compiled OFF)
if(TARGET lrsched_json)
  get_target_property(_type lrsched_json TYPE)
  if(_type STREQUAL "STATIC_LIBRARY")
    set(_lrsched_json_compiled ON)
  endif()
endif()
if(_lrsched_json_compiled)
  set(_lrsched_json_pc "${PROJECT_BINARY_DIR}/lrsched-install/lrsched-json.pc")
  install(CODE "
    set(LRSCHED_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
    foreach(_dir IN ITEMS INCLUDEDIR:${CMAKE_INSTALL_INCLUDEDIR} LIBDIR:${CMAKE_INSTALL_LIBDIR})
      string(REPLACE \":\" \";\" _dir \"\${_dir}\")
      list(GET _dir 0 _name)
      list(GET _dir 1 _path)
      if(IS_ABSOLUTE \"\${_path}\")
        set(LRSCHED_PC_\${_name} \"\${_path}\")
      else()
        set(LRSCHED_PC_\${_name} \"\\\${prefix}/\${_path}\")
      endif()
    endforeach()
    set(PROJECT_HOMEPAGE_URL \"${PROJECT_HOMEPAGE_URL}\")
    set(PROJECT_VERSION \"${PROJECT_VERSION}\")
    configure_file(\"${PROJECT_SOURCE_DIR}/cmake/lrsched-json.pc.in\" \"${_lrsched_json_pc}\" @ONLY)
  " COMPONENT ${_lrsched_dev})
  install(FILES "${_lrsched_json_pc}" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
    COMPONENT ${_lrsched_dev})
endif()

# ---------------------------------------------------------------- the lrsched command
# Built from apps/lrsched/ as target lrsched_cli; installed to bin/ only when asked for.
if(LRSCHED_INSTALL_CLI)
  if(TARGET lrsched_cli)
    install(TARGETS lrsched_cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
      COMPONENT lrsched_cli)
  else()
    message(WARNING "LRSCHED_INSTALL_CLI is ON but there is no lrsched_cli target to "
      "install (it is built from apps/lrsched/: LRSCHED_BUILD_CLI=ON)")
  endif()
endif()

# ------------------------------------------------------------------------------ CPack
if(LRSCHED_IS_TOP_LEVEL)
  include(lrschedCPack)
endif()
