# Install rules: headers, the exported targets, the package config and version files.
include(CMakePackageConfigHelpers)
set(LRSCHED_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/lrsched" CACHE STRING
  "Where lrschedConfig.cmake is installed (relative to the prefix)")

install(TARGETS lrsched EXPORT lrschedTargets
  FILE_SET HEADERS DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/lrsched"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  FILES_MATCHING PATTERN "*.hpp")
install(EXPORT lrschedTargets NAMESPACE lrsched:: DESTINATION "${LRSCHED_INSTALL_CMAKEDIR}")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/lrschedConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/lrschedConfig.cmake"
  INSTALL_DESTINATION "${LRSCHED_INSTALL_CMAKEDIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/lrschedConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/lrschedConfig.cmake"
  "${PROJECT_BINARY_DIR}/lrschedConfigVersion.cmake"
  DESTINATION "${LRSCHED_INSTALL_CMAKEDIR}")
