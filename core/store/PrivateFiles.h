// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QString>

// The store holds citizens' personal data: its folders are the owner's alone (0700) and its files too (0600),
// whatever the process's umask.
namespace motcua::privateFiles {

// Creates the folder `path` and any missing parent, each new one 0700. Folders that exist are left as they are (a
// store may be given a place in a shared folder such as /tmp).
Result<void> makeFolder(const QString &path);

// Creates `path` empty and 0600 when it does not exist yet; an existing file is made 0600.
Result<void> makeFile(const QString &path);

// Makes an existing file 0600; a missing file is no error.
Result<void> restrict(const QString &path);

}  // namespace motcua::privateFiles
