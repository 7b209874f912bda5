// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Logging categories of the sync layer (quiet at info level unless --verbose).
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcCenterStore)
Q_DECLARE_LOGGING_CATEGORY(lcCenterHttp)
