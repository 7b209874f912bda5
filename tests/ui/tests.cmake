# Widget tests of the counter window (offscreen platform).
motcua_add_test(test_ui
    SOURCES ui/test_ui_overview.cpp
    LIBS motcua_ui motcua_app_common
    GUI)
