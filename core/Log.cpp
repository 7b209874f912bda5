// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/Log.h"

Q_LOGGING_CATEGORY(lcStore, "motcua.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "motcua.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(lcBackup, "motcua.backup", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCatalog, "motcua.catalog", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCalendar, "motcua.calendar", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDossier, "motcua.dossier", QtInfoMsg)
