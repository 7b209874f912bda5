// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "sync/center/CenterTypes.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace motcua::sync {

// One push waiting to be stored: prepared by its handler's thread (EventWriter::prepare()), written with the next
// group by the writer thread (IngestPipeline), answered from its outcomes.
struct IngestJob {
    struct Incoming {
        const Event *event;
        QByteArray body;  // the canonical bytes
    };
    const CounterAuth *counter = nullptr;
    QList<Incoming> incoming;
    QStringList eventIds;
    QStringList dossierIds;
    // The dossiers this push creates, folded from the push's own events before any lock: what the center stores
    // for a dossier it did not know (its view columns, formatted), so the fold stays out of the writer's work.
    struct Folded {
        qsizetype events = 0;
        QVariantList view;
    };
    QHash<QString, Folded> folded;
    QList<PushOutcome> outcomes;
    QList<std::pair<QString, QString>> alarms;  // kind, detail: raised after the batch committed
    std::optional<Error> error;
    bool done = false;
};

}  // namespace motcua::sync
