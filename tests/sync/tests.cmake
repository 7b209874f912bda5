# SPDX-License-Identifier: GPL-3.0-or-later
# Center and sync tests.
motcua_add_test(test_http_transport
    SOURCES sync/test_http_transport.cpp
    LIBS motcua_sync)

motcua_add_test(test_sync_simulation
    SOURCES sync/test_sync_simulation.cpp sync/SimSupport.h
    LIBS motcua_sync motcua_core)

# The center suite runs on SQLite everywhere and on PostgreSQL against a throwaway cluster that ctest starts
# (fixture) and removes afterwards.
add_executable(test_center sync/test_center.cpp sync/CenterFixture.h support/TestMain.cpp)
target_link_libraries(test_center PRIVATE motcua_test_support motcua_sync motcua_core)
catch_discover_tests(test_center
    TEST_PREFIX "test_center: "
    TEST_SPEC "[sqlite]"
    PROPERTIES ENVIRONMENT "${MOTCUA_TEST_ENV}" TIMEOUT 600)

set(MOTCUA_PG_ENV_FILE "${CMAKE_CURRENT_BINARY_DIR}/pg-cluster.env")
add_test(NAME postgres_cluster_start
    COMMAND sh "${CMAKE_CURRENT_SOURCE_DIR}/support/pg-cluster.sh" start "${MOTCUA_PG_ENV_FILE}")
set_tests_properties(postgres_cluster_start PROPERTIES FIXTURES_SETUP postgres TIMEOUT 120)
add_test(NAME postgres_cluster_stop
    COMMAND sh "${CMAKE_CURRENT_SOURCE_DIR}/support/pg-cluster.sh" stop "${MOTCUA_PG_ENV_FILE}")
set_tests_properties(postgres_cluster_stop PROPERTIES FIXTURES_CLEANUP postgres TIMEOUT 120)
add_test(NAME "test_center: PostgreSQL suite" COMMAND test_center "[postgres]")
set_tests_properties("test_center: PostgreSQL suite" PROPERTIES
    FIXTURES_REQUIRED postgres
    RESOURCE_LOCK postgres
    ENVIRONMENT "${MOTCUA_TEST_ENV};MOTCUA_TEST_PG_ENV=${MOTCUA_PG_ENV_FILE}"
    TIMEOUT 900)

# Scale-out: two serve processes on one PostgreSQL behind nginx (the shipped sample configuration), counters
# pushing and pulling through it at once.
add_executable(test_scaleout sync/test_scaleout.cpp support/TestMain.cpp)
target_link_libraries(test_scaleout PRIVATE motcua_test_support motcua_sync motcua_core Qt6::Network)
add_dependencies(test_scaleout motcua-center)
target_compile_definitions(test_scaleout PRIVATE MOTCUA_CENTER_PATH="$<TARGET_FILE:motcua-center>")
add_test(NAME "test_scaleout: two serve processes behind nginx on one PostgreSQL" COMMAND test_scaleout "[scaleout]")
set_tests_properties("test_scaleout: two serve processes behind nginx on one PostgreSQL" PROPERTIES
    FIXTURES_REQUIRED postgres
    ENVIRONMENT "${MOTCUA_TEST_ENV};MOTCUA_TEST_PG_ENV=${MOTCUA_PG_ENV_FILE}"
    TIMEOUT 600)

motcua_add_test(test_sync_recovery
    SOURCES sync/test_sync_recovery.cpp sync/SimSupport.h
    LIBS motcua_sync motcua_core)

# Real processes over TLS, and kill -9 at the crash points (core/CrashPoint.h).
motcua_add_test(test_sync_processes
    SOURCES sync/test_sync_processes.cpp
    LIBS motcua_sync Qt6::Network Qt6::Test
    NEEDS motcua-cli motcua-center)
target_compile_definitions(test_sync_processes PRIVATE MOTCUA_CENTER_PATH="$<TARGET_FILE:motcua-center>")

# The OS keychain for real: every test of this program runs inside a private D-Bus session with its own unlocked
# GNOME Keyring (tests/support/with-keyring.sh), on a fresh machine as in CI.
motcua_add_test(test_keychain
    SOURCES sync/test_keychain.cpp
    LIBS motcua_sync Qt6::Network
    NEEDS motcua-cli motcua-center
    WRAPPER "${CMAKE_CURRENT_SOURCE_DIR}/support/with-keyring.sh")
target_compile_definitions(test_keychain PRIVATE MOTCUA_CENTER_PATH="$<TARGET_FILE:motcua-center>")

# The HTTP front in process: clients that hang up before their answer, keep-alive, headers.
motcua_add_test(test_center_http
    SOURCES sync/test_center_http.cpp sync/CenterFixture.h
    LIBS motcua_sync motcua_core)
