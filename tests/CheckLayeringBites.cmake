# SPDX-License-Identifier: GPL-3.0-or-later
# Proves that cmake/CheckLayering.cmake fails on a planted violation and accepts clean files. CASE picks the rule:
#   widgets  a core file that includes Widgets, Network or a higher layer
#   sql      SQL text in ui/, app/ or sync/client/ (SQL in core/ and sync/center/, and English text, pass)
#   libpq    a libpq header in core/ (in sync/center/ it passes)
#   sync     ui/ including sync/ beyond sync/SyncStatus.h
# The planted files lie under WORK_DIR/CASE as they would under the source root.
cmake_minimum_required(VERSION 3.25)
include("${SPEC}")
set(_root "${WORK_DIR}/${CASE}")
file(REMOVE_RECURSE "${_root}")
file(MAKE_DIRECTORY "${_root}")

# plant(<path under the root> <text>…): writes the pieces of text as one file and returns its full path in PLANTED.
function(plant path)
    set(_text "")
    math(EXPR _last "${ARGC} - 1")
    foreach(i RANGE 1 ${_last})
        string(APPEND _text "${ARGV${i}}")  # ARGV<i> keeps the semicolons of C++
    endforeach()
    file(WRITE "${_root}/${path}" "${_text}")
    set(PLANTED "${_root}/${path}" PARENT_SCOPE)
endfunction()

# run_check(<what> FAIL|PASS [CORE files…] [SYNC files…] [UI files…] [APP files…])
function(run_check what expect)
    cmake_parse_arguments(ARG "" "" "CORE;SYNC;UI;APP" ${ARGN})
    set(_spec "${_root}/spec.cmake")
    file(WRITE "${_spec}"
        "set(SOURCE_ROOT \"${_root}\")\n"
        "set(CORE_SOURCES \"${ARG_CORE}\")\nset(SYNC_SOURCES \"${ARG_SYNC}\")\n"
        "set(UI_SOURCES \"${ARG_UI}\")\nset(APP_SOURCES \"${ARG_APP}\")\n"
        "set(CORE_FORBIDDEN_HEADERS \"${CORE_FORBIDDEN_HEADERS}\")\n"
        "set(CORE_FORBIDDEN_MODULES \"${CORE_FORBIDDEN_MODULES}\")\n"
        "set(SYNC_FORBIDDEN_HEADERS \"${SYNC_FORBIDDEN_HEADERS}\")\n"
        "set(SYNC_FORBIDDEN_MODULES \"${SYNC_FORBIDDEN_MODULES}\")\n")
    execute_process(COMMAND ${CMAKE_COMMAND} -DSPEC=${_spec} -DSTAMP=${_root}/stamp
                            -P "${SOURCE_DIR}/cmake/CheckLayering.cmake"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(expect STREQUAL "FAIL" AND rc EQUAL 0)
        message(FATAL_ERROR "The layering check accepted ${what}")
    endif()
    if(expect STREQUAL "PASS" AND NOT rc EQUAL 0)
        message(FATAL_ERROR "The layering check rejected ${what}: ${err}")
    endif()
    if(expect STREQUAL "FAIL" AND NOT err MATCHES "Layering violation")
        message(FATAL_ERROR "The layering check failed on ${what} without naming the violation: ${err}")
    endif()
endfunction()

if(CASE STREQUAL "widgets")
    plant(core/Widgets.cpp "#include <QString>\n#include <QWidget>\n")
    run_check("a core file that includes QWidget" FAIL CORE "${PLANTED}")
    plant(core/Module.cpp "#include <QtNetwork/QTcpSocket>\n")
    run_check("a core file that includes QtNetwork" FAIL CORE "${PLANTED}")
    plant(core/Layer.cpp "#include \"ui/MainWindow.h\"\n")
    run_check("a core file that includes ui/" FAIL CORE "${PLANTED}")
    plant(core/Clean.cpp "#include <QString>\n#include <QSqlQuery>\n#include \"core/Result.h\"\n")
    run_check("the clean core file ${PLANTED}" PASS CORE "${PLANTED}")
    message(STATUS "The layering check rejects Widgets, Network and higher layers in core/, and accepts a clean file.")
elseif(CASE STREQUAL "sql")
    plant(ui/Planted.cpp
          "QString f(const Store &s)\n{\n    return sql::scalar(s.connection(),\n"
          "        QStringLiteral(\"SELECT value FROM settings WHERE key = ?\"), {k})->toString();\n}\n")
    run_check("SELECT in ui/" FAIL UI "${PLANTED}")
    plant(ui/Planted.cpp "    auto q = run(db, QStringLiteral(\"INSERT INTO settings(key, value) VALUES(?, ?)\"));\n")
    run_check("INSERT in ui/" FAIL UI "${PLANTED}")
    plant(app/center/Backup.cpp "    q.prepare(QStringLiteral(\"VACUUM INTO ?\"));\n")
    run_check("VACUUM in app/" FAIL APP "${PLANTED}")
    plant(sync/client/Planted.cpp "    run(db, QStringLiteral(\"DELETE FROM outbox WHERE seq > ?\"), {s});\n")
    run_check("DELETE in sync/client/" FAIL SYNC "${PLANTED}")
    plant(ui/Clean.cpp
          "// Runs \"SELECT value FROM settings\" through core.\n"
          "    label->setText(tr(\"Select a procedure from the list, then update the applicant's data.\"));\n"
          "    button->setText(tr(\"Delete from this list\"));\n"
          "    r.method = \"DELETE\";\n    m_title = QStringLiteral(\"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ\");\n")
    run_check("English and Vietnamese text, a comment and an HTTP method in ui/" PASS UI "${PLANTED}")
    plant(core/store/Planted.cpp "    run(db, QStringLiteral(\"SELECT value FROM settings WHERE key = ?\"));\n")
    set(_core "${PLANTED}")
    plant(sync/center/Planted.cpp "    run(db, QStringLiteral(\"UPDATE counters SET revoked = 1 WHERE id = ?\"));\n")
    run_check("SQL in core/ and sync/center/" PASS CORE "${_core}" SYNC "${PLANTED}")
    message(STATUS "The layering check rejects SQL text in ui/, app/ and sync/client/, and accepts it in core/ and "
                   "sync/center/.")
elseif(CASE STREQUAL "libpq")
    plant(core/store/Planted.cpp "#include <QString>\n#include <libpq-fe.h>\n")
    run_check("libpq-fe.h in core/" FAIL CORE "${PLANTED}")
    plant(core/store/Planted.cpp "#include <postgresql/libpq/libpq-fs.h>\n")
    run_check("postgresql/libpq/… in core/" FAIL CORE "${PLANTED}")
    plant(sync/center/Planted.cpp "#include <libpq-fe.h>\n")
    run_check("libpq-fe.h in sync/center/" PASS SYNC "${PLANTED}")
    message(STATUS "The layering check rejects libpq in core/ and accepts it in sync/center/.")
elseif(CASE STREQUAL "sync")
    plant(ui/Planted.cpp "#include \"sync/SyncStatus.h\"\n#include \"sync/client/SyncClient.h\"\n")
    run_check("sync/client/ in ui/" FAIL UI "${PLANTED}")
    plant(ui/Planted.cpp "#include \"app/common/Defaults.h\"\n")
    run_check("app/ in ui/" FAIL UI "${PLANTED}")
    plant(ui/Clean.cpp "#include \"core/Result.h\"\n#include \"sync/SyncStatus.h\"\n#include <QWidget>\n")
    run_check("ui/ with sync/SyncStatus.h" PASS UI "${PLANTED}")
    message(STATUS "The layering check rejects ui/ reaching into sync/ beyond sync/SyncStatus.h.")
else()
    message(FATAL_ERROR "Unknown CASE '${CASE}'")
endif()
