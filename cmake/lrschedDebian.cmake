# What a Debian binary package carries besides the files it installs: the copyright file
# (machine-readable, DEP-5, from LICENSE) and the Debian changelog, both in
# /usr/share/doc/<package>/. They go into the install component lrsched_debian, which
# only CPack's DEB generator packages: `cmake --install` leaves it out (EXCLUDE_FROM_ALL).
#   lrsched_debian_docs(<package> <revision> <maintainer>)
function(lrsched_debian_docs package revision maintainer)
  set(out "${PROJECT_BINARY_DIR}/debian")
  file(MAKE_DIRECTORY "${out}")

  # copyright: the notice of LICENSE and its text as the Expat licence (MIT's DEP-5 name).
  file(STRINGS "${PROJECT_SOURCE_DIR}/LICENSE" license_lines)
  list(FILTER license_lines EXCLUDE REGEX "^MIT License$")
  set(notice "")
  set(text "")
  foreach(line IN LISTS license_lines)
    if(line MATCHES "^Copyright \\(c\\) (.*)$")
      set(notice "${CMAKE_MATCH_1}")
    elseif(notice AND line STREQUAL "")
      string(APPEND text " .\n")
    elseif(notice)
      string(APPEND text " ${line}\n")
    endif()
  endforeach()
  string(REGEX REPLACE "^ \\.\n" "" text "${text}")
  if(NOT notice OR NOT text)
    message(FATAL_ERROR "LICENSE has no \"Copyright (c) ...\" line followed by its text")
  endif()
  file(WRITE "${out}/copyright"
    "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
    "Upstream-Name: ${PROJECT_NAME}\n"
    "Source: ${PROJECT_HOMEPAGE_URL}\n"
    "\n"
    "Files: *\n"
    "Copyright: ${notice}\n"
    "License: Expat\n"
    "\n"
    "License: Expat\n"
    "${text}")

  # changelog.Debian.gz: one entry for this version and revision, dated by the commit
  # (SOURCE_DATE_EPOCH, as Debian's reproducible builds set it) or else today, compressed
  # with gzip -9n as Debian policy asks (no name, no time stamp in the header).
  string(TIMESTAMP date "%a, %d %b %Y %H:%M:%S +0000" UTC)
  file(WRITE "${out}/changelog.Debian"
    "${package} (${PROJECT_VERSION}-${revision}) unstable; urgency=medium\n"
    "\n"
    "  * Package of ${PROJECT_NAME} ${PROJECT_VERSION}, built with CPack from the\n"
    "    ${PROJECT_NAME} source tree.\n"
    "\n"
    " -- ${maintainer}  ${date}\n")
  find_program(LRSCHED_GZIP gzip)
  if(NOT LRSCHED_GZIP)
    message(WARNING "gzip not found: the Debian package will have no changelog")
    return()
  endif()
  execute_process(COMMAND "${LRSCHED_GZIP}" -9nf "${out}/changelog.Debian"
    RESULT_VARIABLE gzip_result)
  if(NOT gzip_result EQUAL 0)
    message(FATAL_ERROR "gzip -9n ${out}/changelog.Debian failed")
  endif()
  install(FILES "${out}/copyright" "${out}/changelog.Debian.gz"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${package}" COMPONENT lrsched_debian
    EXCLUDE_FROM_ALL)
endfunction()
