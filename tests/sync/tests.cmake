# Center and sync tests.
motcua_add_test(test_sync_simulation
    SOURCES sync/test_sync_simulation.cpp sync/SimSupport.h
    LIBS motcua_sync motcua_core)
