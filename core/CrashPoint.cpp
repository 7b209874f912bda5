// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/CrashPoint.h"

#include <QByteArray>
#include <QtGlobal>

#include <csignal>
#include <cstring>

namespace motcua {

void crashPoint(const char *name)
{
    static const QByteArray target = qgetenv("MOTCUA_CRASH_AT");
    if (!target.isEmpty() && std::strcmp(target.constData(), name) == 0)
        std::raise(SIGKILL);
}

}  // namespace motcua
