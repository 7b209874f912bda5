// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/CounterContext.h"

#include "core/calendar/CalendarStore.h"

namespace motcua::ui {

CounterContext::CounterContext(const Store &store, QObject *parent) : QObject(parent), m_store(store)
{
    (void)reload();
}

CounterContext::~CounterContext() = default;

DossierService CounterContext::service() const
{
    return DossierService(m_store, m_identity, m_officer.login);
}

void CounterContext::setOfficer(const OfficerRecord &officer)
{
    m_officer = officer;
    Q_EMIT officerChanged();
}

Result<void> CounterContext::reload()
{
    Result<void> outcome;
    if (auto id = CounterIdentity::load(m_store); id)
        m_identity = *id;
    else
        outcome = id.error();
    if (auto calendar = CalendarStore::load(m_store); calendar)
        m_calendar = *calendar;
    else
        outcome = calendar.error();
    if (auto index = CatalogIndex::load(m_store); index)
        m_index = std::move(*index);
    else
        outcome = index.error();
    Q_EMIT reloaded();
    return outcome;
}

void CounterContext::notifyDossierChanged(const QString &code)
{
    Q_EMIT dossierChanged(code);
}

}  // namespace motcua::ui
