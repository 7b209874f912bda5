# SPDX-License-Identifier: GPL-3.0-or-later
# Layers are one-way (docs/architecture.md):  app -> ui -> sync -> core.
#   (core may also link libsodium, a plain C library, for password hashes, and libsqlite3, the library under Qt's
#   SQLite driver, for the store's hot paths on the driver's own connection; sync may link libpq, the library under
#   Qt's PostgreSQL driver, for the center's hot paths on PostgreSQL.)
#   core: Qt Core + Qt Sql only; and Qt Concurrent (no GUI, no I/O) for the one helper that runs short background
#   jobs off the GUI thread (core/Async.h): the store's integrity check is such a job, as are the window's.
#   sync: core + Qt Network/HttpServer, never Gui/Widgets.
# Two checks make that a build fact:
#   1. at configure time, the link interface of each layer library is inspected;
#   2. at build time (target motcua_layering), cmake/CheckLayering.cmake scans the sources: core/ and sync/ for
#      includes of a forbidden Qt module's headers or of a higher layer, ui/ for includes of app/ or of sync/ other
#      than sync/SyncStatus.h, core/ for libpq headers, and ui/, app/ and sync/ (but sync/center/) for SQL text.
#      A hit fails the build.

set(_motcua_qt_headers "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_HEADERS}")

function(_motcua_module_headers module out)
    file(GLOB _files RELATIVE "${_motcua_qt_headers}/${module}" "${_motcua_qt_headers}/${module}/*")
    set(_names "")
    foreach(f IN LISTS _files)
        if(NOT IS_DIRECTORY "${_motcua_qt_headers}/${module}/${f}")
            list(APPEND _names "${f}")
        endif()
    endforeach()
    set(${out} "${_names}" PARENT_SCOPE)
endfunction()

function(_motcua_check_links target)
    cmake_parse_arguments(ARG "" "" "ALLOWED" ${ARGN})
    get_target_property(_libs ${target} LINK_LIBRARIES)
    if(NOT _libs)
        set(_libs "")
    endif()
    foreach(lib IN LISTS _libs)
        string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
        if(NOT lib IN_LIST ARG_ALLOWED)
            message(FATAL_ERROR "Layering: ${target} links ${lib}, which its layer may not use "
                                "(allowed: ${ARG_ALLOWED}). See docs/architecture.md.")
        endif()
    endforeach()
endfunction()

function(motcua_check_layering)
    _motcua_check_links(motcua_core ALLOWED motcua_common MotCua::common Qt6::Core Qt6::Sql Qt6::Concurrent
                        PkgConfig::SODIUM SQLite::SQLite3)
    _motcua_check_links(motcua_sync ALLOWED motcua_common MotCua::common motcua_core MotCua::core
                        Qt6::Core Qt6::Sql Qt6::Network Qt6::HttpServer Qt6::WebSockets Qt6::Concurrent
                        Qt6Keychain::Qt6Keychain PkgConfig::SODIUM OpenSSL::Crypto PkgConfig::LIBPQ)

    set(_forbidden_core "")
    foreach(m QtGui QtWidgets QtNetwork QtPrintSupport QtHttpServer QtWebSockets QtCharts QtOpenGL)
        _motcua_module_headers(${m} _h)
        list(APPEND _forbidden_core ${_h})
        list(APPEND _forbidden_core_modules ${m})
    endforeach()
    set(_forbidden_sync "")
    foreach(m QtGui QtWidgets QtPrintSupport QtCharts QtOpenGL)
        _motcua_module_headers(${m} _h)
        list(APPEND _forbidden_sync ${_h})
        list(APPEND _forbidden_sync_modules ${m})
    endforeach()

    get_target_property(_core_sources motcua_core SOURCES)
    get_target_property(_core_dir motcua_core SOURCE_DIR)
    get_target_property(_sync_sources motcua_sync SOURCES)
    get_target_property(_sync_dir motcua_sync SOURCE_DIR)
    list(TRANSFORM _core_sources PREPEND "${_core_dir}/")
    list(TRANSFORM _sync_sources PREPEND "${_sync_dir}/")
    # ui/ and app/ whole, whether or not this build makes the GUI.
    file(GLOB_RECURSE _ui_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/ui/*.cpp" "${PROJECT_SOURCE_DIR}/ui/*.h")
    file(GLOB_RECURSE _app_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/app/*.cpp" "${PROJECT_SOURCE_DIR}/app/*.h")

    set(_spec "${CMAKE_BINARY_DIR}/layering-spec.cmake")
    file(WRITE "${_spec}"
        "set(SOURCE_ROOT \"${PROJECT_SOURCE_DIR}\")\n"
        "set(CORE_SOURCES \"${_core_sources}\")\n"
        "set(SYNC_SOURCES \"${_sync_sources}\")\n"
        "set(UI_SOURCES \"${_ui_sources}\")\n"
        "set(APP_SOURCES \"${_app_sources}\")\n"
        "set(CORE_FORBIDDEN_HEADERS \"${_forbidden_core}\")\n"
        "set(CORE_FORBIDDEN_MODULES \"${_forbidden_core_modules}\")\n"
        "set(SYNC_FORBIDDEN_HEADERS \"${_forbidden_sync}\")\n"
        "set(SYNC_FORBIDDEN_MODULES \"${_forbidden_sync_modules}\")\n")

    set(_stamp "${CMAKE_BINARY_DIR}/layering.stamp")
    add_custom_command(
        OUTPUT "${_stamp}"
        COMMAND ${CMAKE_COMMAND} -DSPEC=${_spec} -DSTAMP=${_stamp}
                -P "${PROJECT_SOURCE_DIR}/cmake/CheckLayering.cmake"
        DEPENDS ${_core_sources} ${_sync_sources} ${_ui_sources} ${_app_sources}
                "${PROJECT_SOURCE_DIR}/cmake/CheckLayering.cmake" "${_spec}"
        COMMENT "Checking that each layer includes only what it may use, and that SQL stays in core/ and sync/center/"
        VERBATIM)
    add_custom_target(motcua_layering ALL DEPENDS "${_stamp}")
    add_dependencies(motcua_core motcua_layering)
endfunction()
