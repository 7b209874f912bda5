// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/calendar/WorkingCalendar.h"
#include "core/catalog/CatalogSearch.h"
#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierService.h"
#include "core/officer/OfficerStore.h"
#include "core/store/Store.h"

#include <QObject>

namespace motcua::ui {

// What every page of the counter window shares: the store, who this counter is, the officer signed in, the unit's
// working calendar and the current catalog's search index. Pages tell each other about changes through it.
class CounterContext final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CounterContext)

public:
    explicit CounterContext(const Store &store, QObject *parent = nullptr);
    ~CounterContext() override;

    [[nodiscard]] const Store &store() const { return m_store; }
    [[nodiscard]] const CounterIdentity &identity() const { return m_identity; }
    [[nodiscard]] const OfficerRecord &officer() const { return m_officer; }
    [[nodiscard]] bool signedIn() const { return !m_officer.login.isEmpty(); }
    [[nodiscard]] bool isAdmin() const { return m_officer.role == QStringLiteral("admin"); }
    [[nodiscard]] const WorkingCalendar &calendar() const { return m_calendar; }
    [[nodiscard]] const CatalogIndex &catalogIndex() const { return m_index; }

    // Every event written from this window carries the signed-in officer's login.
    [[nodiscard]] DossierService service() const;

    void setOfficer(const OfficerRecord &officer);
    // Reads the identity, the calendar and the catalog again (after setup, settings or a catalog update).
    // Problems are returned; what could be read is kept.
    Result<void> reload();
    // A page wrote an event on `code`: the others refresh what shows it.
    void notifyDossierChanged(const QString &code);

Q_SIGNALS:
    void officerChanged();
    void reloaded();
    void dossierChanged(const QString &code);

private:
    const Store &m_store;
    CounterIdentity m_identity;
    OfficerRecord m_officer;
    WorkingCalendar m_calendar;
    CatalogIndex m_index;
};

}  // namespace motcua::ui
