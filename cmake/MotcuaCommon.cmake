# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target that every MotCua target links: language level, warnings, Qt's strict macros.
add_library(motcua_common INTERFACE)
add_library(MotCua::common ALIAS motcua_common)

target_compile_features(motcua_common INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(motcua_common INTERFACE
    -Wall -Wextra -Wpedantic
    -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
    -Wformat=2 -Wmissing-declarations -Wold-style-cast)

# Warnings fail the build where the compiler is the one the project is checked with (the ci and headless presets);
# a user's build with a newer compiler, which may warn about more, still builds.
option(MOTCUA_WERROR "Treat compiler warnings as errors" OFF)
if(MOTCUA_WERROR)
    target_compile_options(motcua_common INTERFACE -Werror)
endif()

target_compile_definitions(motcua_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    MOTCUA_VERSION="${PROJECT_VERSION}")

# Sanitizers for the ci preset: every test runs under ASan + UBSan.
option(MOTCUA_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(MOTCUA_SANITIZE)
    target_compile_options(motcua_common INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -fno-sanitize=vptr)
    target_link_options(motcua_common INTERFACE -fsanitize=address,undefined)
endif()
