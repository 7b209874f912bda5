// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace motcua::sync {

// What the counter's sync client reports to the window (status bar) by signal, after every change.
struct SyncStatus {
    enum class State {
        Standalone,  // not enrolled with a center: a demo or training counter, nothing to sync
        Offline,     // the center cannot be reached; retrying (see nextAttempt)
        Syncing,     // a round is running
        Online,      // the last round succeeded and nothing is waiting
        Error,       // the center refused us (revoked, unknown counter, keychain locked…): see reason
    };

    State state = State::Standalone;
    QString reason;         // translated, for the officer; empty when all is well
    int pending = 0;        // local events waiting to be pushed
    int quarantined = 0;    // events the center rejected (shown to a supervisor)
    QDateTime lastSuccess;  // UTC; invalid when never
    QDateTime nextAttempt;  // UTC; when offline/error, the next retry
    QString centerUrl;
    // While syncing: how much of the pull is done, in the center's sequence numbers (0…progressTotal), and the
    // events stored so far. progressTotal is 0 when there is nothing to show.
    qint64 progressDone = 0;
    qint64 progressTotal = 0;
    int pulledThisRound = 0;
};

}  // namespace motcua::sync

Q_DECLARE_METATYPE(motcua::sync::SyncStatus)
