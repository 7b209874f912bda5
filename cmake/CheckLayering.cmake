# SPDX-License-Identifier: GPL-3.0-or-later
# Script mode: cmake -DSPEC=... -DSTAMP=... -P CheckLayering.cmake
# SPEC sets SOURCE_ROOT, the sources of each layer (CORE_SOURCES, SYNC_SOURCES, UI_SOURCES, APP_SOURCES) and the
# headers and modules of the Qt modules core/ and sync/ may not use. Rules (docs/architecture.md, "Layers"):
#   - core/ and sync/ include no header of a forbidden Qt module, and no higher layer; ui/ includes nothing of app/;
#   - ui/ includes nothing of sync/ but sync/SyncStatus.h (it talks to the sync client through signals);
#   - core/ includes no libpq header (PostgreSQL code lives with the center, in sync/center/);
#   - no source outside core/ and sync/center/ holds SQL text (a string literal that starts an SQL statement).
cmake_minimum_required(VERSION 3.25)
include("${SPEC}")

# Files exempt from a rule, relative to SOURCE_ROOT, while a move is under way (none now).
set(_libpq_exempt "")
set(_sql_exempt "")

# The start of an SQL statement in a string literal: a keyword in capitals, as this code base writes SQL, and what
# must follow it in a statement. English source strings are written in sentence case, so they never match.
set(_sql_starts
    "SELECT[ \"]"
    "(INSERT|REPLACE)( OR [A-Z]+)? INTO "
    "UPDATE [A-Za-z_][A-Za-z0-9_.]* SET "
    "DELETE FROM "
    "(CREATE|DROP) (TEMP |TEMPORARY |UNIQUE |VIRTUAL )?(TABLE|INDEX|TRIGGER|VIEW) "
    "ALTER TABLE "
    "PRAGMA [a-z_]"
    "VACUUM[ \"]"
    "(BEGIN|COMMIT|ROLLBACK)( IMMEDIATE| EXCLUSIVE| DEFERRED| TRANSACTION)?([^A-Za-z0-9_ ]|$)"
    "SAVEPOINT [A-Za-z_]"
    "WITH (RECURSIVE )?[A-Za-z_][A-Za-z0-9_]*( ?\\([^\"]*\\))? AS \\("
    "(ANALYZE|REINDEX|EXPLAIN)[ \"]"
    "COPY ([a-z_][a-z0-9_.]* ?(\\(|FROM |TO )|\")")
# A literal that starts with capitals (a cheap first sieve); the literal's opening quote, before each start above.
set(_sql_sieve "\"\\(?[ \t]*[A-Z][A-Z][A-Z]")
set(_sql_open "\"\\(?[ \t]*")

set(_errors "")

# `file` relative to SOURCE_ROOT (as it is when it lies outside).
function(_relative file out)
    file(RELATIVE_PATH _rel "${SOURCE_ROOT}" "${file}")
    if(_rel MATCHES "^\\.\\./")
        set(_rel "${file}")
    endif()
    set(${out} "${_rel}" PARENT_SCOPE)
endfunction()

# The includes of `src`, one list element per #include.
function(_includes src out)
    file(STRINGS "${src}" _lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
    set(_incs "")
    foreach(line IN LISTS _lines)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"].*$" "\\1" inc "${line}")
        list(APPEND _incs "${inc}")
    endforeach()
    set(${out} "${_incs}" PARENT_SCOPE)
endfunction()

function(_scan sources forbidden_headers forbidden_modules forbidden_layers layer)
    foreach(src IN LISTS sources)
        if(NOT EXISTS "${src}")
            continue()
        endif()
        _includes("${src}" _incs)
        foreach(inc IN LISTS _incs)
            set(bad "")
            # <QtWidgets/QWidget> or <QtWidgets>
            string(REGEX MATCH "^([A-Za-z]+)(/|$)" _m "${inc}")
            set(_mod "${CMAKE_MATCH_1}")
            if(_mod AND _mod IN_LIST forbidden_modules)
                set(bad "module ${_mod}")
            elseif(inc IN_LIST forbidden_headers)
                set(bad "a header of a forbidden Qt module")
            else()
                foreach(l IN LISTS forbidden_layers)
                    if(inc MATCHES "^${l}/")
                        set(bad "the higher layer ${l}/")
                    endif()
                endforeach()
            endif()
            if(bad)
                string(APPEND _errors "\n  ${src}: #include <${inc}> reaches ${bad}, which ${layer}/ may not use")
            endif()
        endforeach()
    endforeach()
    set(_errors "${_errors}" PARENT_SCOPE)
endfunction()

# ui/ reaches sync/ only through the status it shows.
function(_scan_ui_sync sources)
    foreach(src IN LISTS sources)
        if(NOT EXISTS "${src}")
            continue()
        endif()
        _includes("${src}" _incs)
        foreach(inc IN LISTS _incs)
            if(inc MATCHES "^sync/" AND NOT inc STREQUAL "sync/SyncStatus.h")
                string(APPEND _errors "\n  ${src}: #include <${inc}> reaches into sync/, of which ui/ may include "
                                      "only sync/SyncStatus.h")
            endif()
        endforeach()
    endforeach()
    set(_errors "${_errors}" PARENT_SCOPE)
endfunction()

function(_scan_libpq sources)
    foreach(src IN LISTS sources)
        if(NOT EXISTS "${src}")
            continue()
        endif()
        _relative("${src}" _rel)
        if(_rel IN_LIST _libpq_exempt)
            continue()
        endif()
        _includes("${src}" _incs)
        foreach(inc IN LISTS _incs)
            if(inc MATCHES "^(libpq|postgres)")
                string(APPEND _errors "\n  ${src}: #include <${inc}> is PostgreSQL's client library, which core/ may "
                                      "not use (it belongs in sync/center/)")
            endif()
        endforeach()
    endforeach()
    set(_errors "${_errors}" PARENT_SCOPE)
endfunction()

function(_scan_sql sources)
    foreach(src IN LISTS sources)
        if(NOT EXISTS "${src}")
            continue()
        endif()
        _relative("${src}" _rel)
        if(_rel IN_LIST _sql_exempt OR _rel MATCHES "^(core|sync/center)/")
            continue()
        endif()
        file(STRINGS "${src}" _lines REGEX "${_sql_sieve}")
        foreach(line IN LISTS _lines)
            if(line MATCHES "^[ \t]*(//|\\*)")
                continue()  # a comment quoting SQL is no SQL run here
            endif()
            foreach(start IN LISTS _sql_starts)
                string(REGEX MATCH "${_sql_open}${start}" _found "${line}")
                if(_found)
                    string(FIND "${line}" "${_found}" _at)
                    string(SUBSTRING "${line}" ${_at} -1 _rest)
                    string(REGEX MATCH "^\"[^\"]*\"?" _literal "${_rest}")
                    string(APPEND _errors "\n  ${src}: the SQL text ${_literal} may not be outside core/ and "
                                          "sync/center/ (put it behind a core API)")
                    break()
                endif()
            endforeach()
        endforeach()
    endforeach()
    set(_errors "${_errors}" PARENT_SCOPE)
endfunction()

_scan("${CORE_SOURCES}" "${CORE_FORBIDDEN_HEADERS}" "${CORE_FORBIDDEN_MODULES}" "sync;ui;app" core)
_scan("${SYNC_SOURCES}" "${SYNC_FORBIDDEN_HEADERS}" "${SYNC_FORBIDDEN_MODULES}" "ui;app" sync)
_scan("${UI_SOURCES}" "" "" "app" ui)
_scan_ui_sync("${UI_SOURCES}")
_scan_libpq("${CORE_SOURCES}")
_scan_sql("${UI_SOURCES};${APP_SOURCES};${SYNC_SOURCES}")

if(_errors)
    message(FATAL_ERROR "Layering violation:${_errors}")
endif()
file(TOUCH "${STAMP}")
