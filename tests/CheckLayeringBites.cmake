# Proves that cmake/CheckLayering.cmake rejects a core file that includes a Widgets header, and accepts a clean one.
cmake_minimum_required(VERSION 3.25)
file(MAKE_DIRECTORY "${WORK_DIR}")
include("${SPEC}")

function(run_check source expect_failure)
    set(_spec "${WORK_DIR}/spec.cmake")
    file(WRITE "${_spec}"
        "set(CORE_SOURCES \"${source}\")\nset(SYNC_SOURCES \"\")\n"
        "set(CORE_FORBIDDEN_HEADERS \"${CORE_FORBIDDEN_HEADERS}\")\n"
        "set(CORE_FORBIDDEN_MODULES \"${CORE_FORBIDDEN_MODULES}\")\n"
        "set(SYNC_FORBIDDEN_HEADERS \"\")\nset(SYNC_FORBIDDEN_MODULES \"\")\n")
    execute_process(COMMAND ${CMAKE_COMMAND} -DSPEC=${_spec} -DSTAMP=${WORK_DIR}/stamp
                            -P "${SOURCE_DIR}/cmake/CheckLayering.cmake"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(expect_failure AND rc EQUAL 0)
        message(FATAL_ERROR "The layering check accepted ${source}, which includes a forbidden header")
    endif()
    if(NOT expect_failure AND NOT rc EQUAL 0)
        message(FATAL_ERROR "The layering check rejected the clean file ${source}: ${err}")
    endif()
    if(expect_failure AND NOT err MATCHES "Layering violation")
        message(FATAL_ERROR "The layering check failed without naming the violation: ${err}")
    endif()
endfunction()

file(WRITE "${WORK_DIR}/widgets.cpp" "#include <QString>\n#include <QWidget>\n")
run_check("${WORK_DIR}/widgets.cpp" TRUE)
file(WRITE "${WORK_DIR}/module.cpp" "#include <QtNetwork/QTcpSocket>\n")
run_check("${WORK_DIR}/module.cpp" TRUE)
file(WRITE "${WORK_DIR}/layer.cpp" "#include \"ui/MainWindow.h\"\n")
run_check("${WORK_DIR}/layer.cpp" TRUE)
file(WRITE "${WORK_DIR}/clean.cpp" "#include <QString>\n#include <QSqlQuery>\n#include \"core/Result.h\"\n")
run_check("${WORK_DIR}/clean.cpp" FALSE)
message(STATUS "The layering check rejects Widgets, Network and higher layers in core/, and accepts a clean file.")
