// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace motcua::app {

// "vi" when the system locale is Vietnamese, else "en".
QString systemLanguage();
// Loads the embedded translation for `language` ("vi" or "en") into the application.
// English is the source language and needs no file.
bool installTranslations(const QString &language);

}  // namespace motcua::app
