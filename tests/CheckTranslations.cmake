# SPDX-License-Identifier: GPL-3.0-or-later
# Runs lupdate over the sources into a copy of the .ts and fails when any string lacks a translation.
cmake_minimum_required(VERSION 3.25)
file(MAKE_DIRECTORY "${WORK_DIR}")
set(_copy "${WORK_DIR}/motcua_vi.ts")
file(COPY_FILE "${TS_FILE}" "${_copy}")
execute_process(
    COMMAND "${LUPDATE}" -silent -locations none -no-obsolete -extensions cpp,h -I "${SOURCE_DIR}"
            "${SOURCE_DIR}/core" "${SOURCE_DIR}/sync" "${SOURCE_DIR}/ui" "${SOURCE_DIR}/app" -ts "${_copy}"
    RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${_rc}): ${_out}${_err}")
endif()
file(READ "${_copy}" _ts)
string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*<translation type=\"unfinished\">[^<]*</translation>" _missing "${_ts}")
string(REGEX MATCHALL "<translation></translation>|<numerusform></numerusform>|type=\"unfinished\"" _empty "${_ts}")
list(LENGTH _missing _n)
list(LENGTH _empty _e)
if(_n GREATER 0 OR _e GREATER 0)
    set(_list "")
    foreach(m IN LISTS _missing)
        string(REGEX REPLACE "^<source>([^<]*)</source>.*$" "\\1" s "${m}")
        string(APPEND _list "\n  ${s}")
    endforeach()
    message(FATAL_ERROR "translations/motcua_vi.ts lacks ${_n} Vietnamese translations (${_e} entries are empty or unfinished); "
                        "run `cmake --build --preset dev --target update_translations` and translate:${_list}")
endif()
string(REGEX MATCHALL "<message" _all "${_ts}")
list(LENGTH _all _count)
message(STATUS "All ${_count} strings have a Vietnamese translation.")
