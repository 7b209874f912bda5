# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file of the project lacks its SPDX licence line (README.md, "Licence").
cmake_minimum_required(VERSION 3.25)
file(GLOB_RECURSE _sources LIST_DIRECTORIES false RELATIVE "${SOURCE_DIR}"
    "${SOURCE_DIR}/core/*.cpp" "${SOURCE_DIR}/core/*.h"
    "${SOURCE_DIR}/sync/*.cpp" "${SOURCE_DIR}/sync/*.h"
    "${SOURCE_DIR}/ui/*.cpp" "${SOURCE_DIR}/ui/*.h"
    "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h"
    "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.h" "${SOURCE_DIR}/tests/*.cmake" "${SOURCE_DIR}/tests/*.sh"
    "${SOURCE_DIR}/cmake/*.cmake" "${SOURCE_DIR}/packaging/*.sh"
    "${SOURCE_DIR}/*/CMakeLists.txt")
list(APPEND _sources CMakeLists.txt Makefile .ci/run)
list(FILTER _sources EXCLUDE REGEX "(^|/)(node_modules|build)/")
set(_missing "")
foreach(_file IN LISTS _sources)
    file(READ "${SOURCE_DIR}/${_file}" _head LIMIT 400)
    if(NOT _head MATCHES "SPDX-License-Identifier: GPL-3\\.0-or-later")
        string(APPEND _missing "\n  ${_file}")
    endif()
endforeach()
list(LENGTH _sources _count)
if(_missing)
    message(FATAL_ERROR "Files without the line 'SPDX-License-Identifier: GPL-3.0-or-later':${_missing}")
endif()
message(STATUS "${_count} files carry the SPDX licence line")
