# SPDX-License-Identifier: GPL-3.0-or-later
# Widget tests of the counter window (offscreen platform).
motcua_add_test(test_ui
    SOURCES ui/test_ui_overview.cpp ui/test_ui_counter.cpp ui/UiFixtures.h
    LIBS motcua_ui motcua_app_common
    GUI)

# Officers in the local store: offline login and lockout (core/officer/OfficerStore).
motcua_add_test(test_officer
    SOURCES ui/test_officer_store.cpp
    LIBS motcua_core)
