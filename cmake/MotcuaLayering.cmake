# Layers are one-way (docs/architecture.md):  app -> ui -> sync -> core.
#   (core may also link libsodium, a plain C library, for password hashes, and libsqlite3 and libpq, the libraries
#   under Qt's SQLite and PostgreSQL drivers, for the store's hot paths on the driver's own connection.)
#   core: Qt Core + Qt Sql only; and Qt Concurrent (no GUI, no I/O) for the one helper that runs short background
#   jobs off the GUI thread (core/Async.h): the store's integrity check is such a job, as are the window's.
#   sync: core + Qt Network/HttpServer, never Gui/Widgets.
# Two checks make that a build fact:
#   1. at configure time, the link interface of each layer library is inspected;
#   2. at build time, every source file of core/ and sync/ is scanned for includes of a forbidden
#      Qt module's headers or of a higher layer; a hit fails the build (target motcua_layering).

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
                        PkgConfig::SODIUM SQLite::SQLite3 PkgConfig::LIBPQ)
    _motcua_check_links(motcua_sync ALLOWED motcua_common MotCua::common motcua_core MotCua::core
                        Qt6::Core Qt6::Sql Qt6::Network Qt6::HttpServer Qt6::WebSockets Qt6::Concurrent
                        Qt6Keychain::Qt6Keychain PkgConfig::SODIUM OpenSSL::Crypto)

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

    set(_spec "${CMAKE_BINARY_DIR}/layering-spec.cmake")
    file(WRITE "${_spec}"
        "set(CORE_SOURCES \"${_core_sources}\")\n"
        "set(SYNC_SOURCES \"${_sync_sources}\")\n"
        "set(CORE_FORBIDDEN_HEADERS \"${_forbidden_core}\")\n"
        "set(CORE_FORBIDDEN_MODULES \"${_forbidden_core_modules}\")\n"
        "set(SYNC_FORBIDDEN_HEADERS \"${_forbidden_sync}\")\n"
        "set(SYNC_FORBIDDEN_MODULES \"${_forbidden_sync_modules}\")\n")

    set(_stamp "${CMAKE_BINARY_DIR}/layering.stamp")
    add_custom_command(
        OUTPUT "${_stamp}"
        COMMAND ${CMAKE_COMMAND} -DSPEC=${_spec} -DSTAMP=${_stamp}
                -P "${PROJECT_SOURCE_DIR}/cmake/CheckLayering.cmake"
        DEPENDS ${_core_sources} ${_sync_sources} "${PROJECT_SOURCE_DIR}/cmake/CheckLayering.cmake" "${_spec}"
        COMMENT "Checking that core/ and sync/ include only what their layer may use"
        VERBATIM)
    add_custom_target(motcua_layering ALL DEPENDS "${_stamp}")
    add_dependencies(motcua_core motcua_layering)
endfunction()
