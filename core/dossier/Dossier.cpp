// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dossier/Dossier.h"

#include "core/Clock.h"
#include <QHash>

#include <QTimeZone>

#include <algorithm>
#include <array>

namespace motcua {

namespace {

struct StatusName {
    DossierStatus status;
    const char *name;
};

constexpr std::array<StatusName, 10> kStatusNames = {{
    {DossierStatus::None, "none"},
    {DossierStatus::Received, "received"},
    {DossierStatus::Refused, "refused"},
    {DossierStatus::WaitingSupplement, "waiting_supplement"},
    {DossierStatus::Transferred, "transferred"},
    {DossierStatus::Processing, "processing"},
    {DossierStatus::ResultReady, "result_ready"},
    {DossierStatus::Returned, "returned"},
    {DossierStatus::Stopped, "stopped"},
    {DossierStatus::Withdrawn, "withdrawn"},
}};

QDateTime parseTime(const QJsonValue &v)
{
    return v.isString() ? parseVietnamTime(v.toString()) : QDateTime();
}

QDate vietnamDate(const QDateTime &t)
{
    // Vietnam time is a fixed UTC+7: plain arithmetic, not a time-zone conversion (the fold does this per event).
    return t.isValid() ? t.toUTC().addSecs(7 * 3600).date() : QDate();
}

// All ancestors of each event, by following `parents` (events not in the set are skipped).
class Ancestry final {
public:
    explicit Ancestry(const QHash<QString, const Event *> &byId) : m_byId(byId) {}

    const QSet<QString> &of(const QString &id)
    {
        auto it = m_cache.constFind(id);
        if (it != m_cache.constEnd())
            return *it;
        QSet<QString> result;
        QList<QString> stack;
        if (const Event *e = m_byId.value(id))
            stack = e->parents;
        while (!stack.isEmpty()) {
            const QString p = stack.takeLast();
            if (result.contains(p))
                continue;
            result.insert(p);
            if (const Event *pe = m_byId.value(p))
                stack.append(pe->parents);
        }
        return *m_cache.insert(id, result);
    }

    bool descends(const QString &id, const QString &ancestor)
    {
        // Most events name the one they descend from as a parent (a dossier's events usually form one chain).
        if (const Event *e = m_byId.value(id); e && e->parents.contains(ancestor))
            return true;
        return of(id).contains(ancestor);
    }

private:
    const QHash<QString, const Event *> &m_byId;
    QHash<QString, QSet<QString>> m_cache;
};

void applyCreation(DossierState &s, const Event &e)
{
    const QJsonObject &p = e.payload;
    s.code = p.value(QStringLiteral("code")).toString();
    s.agencyId = p.value(QStringLiteral("agency_id")).toString();
    s.procedureCode = p.value(QStringLiteral("procedure_code")).toString();
    s.procedureName = p.value(QStringLiteral("procedure_name")).toString();
    s.catalogVersion = e.catalogVersion;
    s.applicant = p.value(QStringLiteral("applicant")).toObject();
    s.representative = p.value(QStringLiteral("representative")).toObject();
    s.documents = p.value(QStringLiteral("documents")).toArray();
    s.sets = p.value(QStringLiteral("sets")).toInt(1);
    s.returnMethod = p.value(QStringLiteral("return_method")).toString();
    s.returnUnit = p.value(QStringLiteral("return_unit")).toString();
    const QJsonObject processing = p.value(QStringLiteral("processing")).toObject();
    if (processingKindFromName(processing.value(QStringLiteral("kind")).toString(), &s.processing.kind))
        s.processing.days = processing.value(QStringLiteral("days")).toInt();
    s.receivingCounter = e.counterId;
    s.receivingOfficer = e.officer;
    s.receivedAt = parseTime(p.value(QStringLiteral("received_at")));
    if (!s.receivedAt.isValid())
        s.receivedAt = e.occurredAt.toUTC();
    s.dueAt = parseTime(p.value(QStringLiteral("due_at")));
    const qint64 fee = p.value(QStringLiteral("fee_vnd")).toInteger();
    if (fee > 0)
        s.fees.append({fee, QStringLiteral("catalog fee"), e.eventId});
}

}  // namespace

QString dossierStatusName(DossierStatus status)
{
    for (const auto &s : kStatusNames) {
        if (s.status == status)
            return QString::fromLatin1(s.name);
    }
    return {};
}

bool dossierStatusFromName(const QString &name, DossierStatus *out)
{
    for (const auto &s : kStatusNames) {
        if (name == QLatin1String(s.name)) {
            *out = s.status;
            return true;
        }
    }
    return false;
}

bool isFinal(DossierStatus status)
{
    return status == DossierStatus::Refused || status == DossierStatus::Returned || status == DossierStatus::Stopped ||
           status == DossierStatus::Withdrawn;
}

QString timelinessName(Timeliness t)
{
    switch (t) {
    case Timeliness::Pending:
        return QStringLiteral("pending");
    case Timeliness::Early:
        return QStringLiteral("early");
    case Timeliness::OnTime:
        return QStringLiteral("on_time");
    case Timeliness::Late:
        return QStringLiteral("late");
    }
    return {};
}

qint64 DossierState::feeTotal() const
{
    qint64 total = 0;
    for (const FeeEntry &f : fees)
        total += f.amountVnd;
    return total;
}

bool transitionAllowed(DossierStatus status, EventType type)
{
    using S = DossierStatus;
    using T = EventType;
    if (!isExclusive(type))
        return status != S::None || type == T::Note;  // notes may arrive first; fees need a dossier
    switch (type) {
    case T::Received:
        return status == S::None;
    case T::Refused:
        return status == S::None || status == S::Received || status == S::WaitingSupplement;
    case T::SupplementRequested:
        return status == S::Received || status == S::Transferred || status == S::Processing;
    case T::Supplemented:
        return status == S::WaitingSupplement;
    case T::Transferred:
        return status == S::Received;
    case T::ProcessingStep:
        return status == S::Received || status == S::Transferred || status == S::Processing;
    case T::Extended:
        return status == S::Received || status == S::Transferred || status == S::Processing ||
               status == S::WaitingSupplement;
    case T::Stopped:
        return status == S::Received || status == S::Transferred || status == S::Processing ||
               status == S::WaitingSupplement;
    case T::Withdrawn:
        return status == S::Received || status == S::Transferred || status == S::Processing ||
               status == S::WaitingSupplement || status == S::ResultReady;
    case T::ResultReady:
        return status == S::Received || status == S::Transferred || status == S::Processing;
    case T::Returned:
        return status == S::ResultReady;
    default:
        return false;
    }
}

namespace {

// A set: one copy of each event id, in a total order every replica agrees on.
QList<Event> distinctInFoldOrder(const QList<Event> &input)
{
    QList<Event> events;
    QHash<QString, qsizetype> seen;
    for (const Event &e : input) {
        if (seen.contains(e.eventId))
            continue;
        seen.insert(e.eventId, events.size());
        events.append(e);
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        if (a.hlc != b.hlc)
            return a.hlc < b.hlc;
        return a.eventId < b.eventId;
    });
    return events;
}

// The exclusive events that did not apply and that no later applied event (nor a supervisor's resolution)
// descends from.
class Conflicts final {
public:
    explicit Conflicts(Ancestry &ancestry) : m_ancestry(ancestry) {}

    void add(const QString &eventId) { m_unresolved.insert(eventId); }

    // The conflicting events that `eventId` descends from are resolved by it.
    void resolveSeenBy(const QString &eventId)
    {
        for (auto it = m_unresolved.begin(); it != m_unresolved.end();) {
            if (m_ancestry.descends(eventId, *it))
                it = m_unresolved.erase(it);
            else
                ++it;
        }
    }

    [[nodiscard]] QStringList sortedIds() const
    {
        QStringList ids(m_unresolved.begin(), m_unresolved.end());
        ids.sort();
        return ids;
    }

private:
    Ancestry &m_ancestry;
    QSet<QString> m_unresolved;
};

// The event as the timeline shows it, at its legal time when it has one.
TimelineEntry timelineEntry(const Event &e)
{
    TimelineEntry entry{e.eventId, e.type, e.officer, e.counterId, parseTime(e.payload.value(QStringLiteral("at"))),
                        e.payload, true,   false};
    if (!entry.at.isValid())  // a receipt happened at its legal receipt time
        entry.at = parseTime(e.payload.value(QStringLiteral("received_at")));
    if (!entry.at.isValid())
        entry.at = e.occurredAt.toUTC();
    return entry;
}

// What a commutative event adds: a note's text or a fee (attachments and reprints add only their timeline entry).
void addCommutative(DossierState &s, const Event &e)
{
    if (e.type == EventType::Note)
        s.notes << e.payload.value(QStringLiteral("text")).toString();
    else if (e.type == EventType::Fee)
        s.fees.append({e.payload.value(QStringLiteral("amount_vnd")).toInteger(),
                       e.payload.value(QStringLiteral("note")).toString(), e.eventId});
}

// The move an applied exclusive event makes, at `at`. `beforeSupplement` keeps the status a supplement request
// interrupted, to which the supplement returns.
void applyExclusive(DossierState &s, const Event &e, const QDateTime &at, DossierStatus *beforeSupplement)
{
    const QJsonObject &p = e.payload;
    switch (e.type) {
    case EventType::Received:
        applyCreation(s, e);
        s.status = DossierStatus::Received;
        break;
    case EventType::Refused:
        if (s.status == DossierStatus::None)
            applyCreation(s, e);
        s.status = DossierStatus::Refused;
        s.finishedAt = at;
        break;
    case EventType::SupplementRequested:
        *beforeSupplement = s.status;
        s.status = DossierStatus::WaitingSupplement;
        break;
    case EventType::Supplemented:
        s.status = *beforeSupplement;
        if (const QDateTime due = parseTime(p.value(QStringLiteral("due_at"))); due.isValid())
            s.dueAt = due;
        break;
    case EventType::Transferred:
        s.status = DossierStatus::Transferred;
        break;
    case EventType::ProcessingStep:
        s.status = DossierStatus::Processing;
        break;
    case EventType::Extended:
        if (const QDateTime due = parseTime(p.value(QStringLiteral("new_due_at"))); due.isValid())
            s.dueAt = due;
        break;
    case EventType::Stopped:
        s.status = DossierStatus::Stopped;
        s.finishedAt = at;
        break;
    case EventType::Withdrawn:
        s.status = DossierStatus::Withdrawn;
        s.finishedAt = at;
        break;
    case EventType::ResultReady:
        s.status = DossierStatus::ResultReady;
        s.finishedAt = at;
        break;
    case EventType::Returned:
        s.status = DossierStatus::Returned;
        break;
    default:
        break;
    }
}

// The events no other event names as a parent, sorted.
QStringList headsOf(const QList<Event> &events)
{
    QSet<QString> referenced;
    for (const Event &e : events) {
        for (const QString &p : e.parents)
            referenced.insert(p);
    }
    QStringList heads;
    for (const Event &e : events) {
        if (!referenced.contains(e.eventId))
            heads << e.eventId;
    }
    heads.sort();
    return heads;
}

// Whether a dossier whose result is ready (or returned) finished early, on time or late; unchanged otherwise.
void setTimeliness(DossierState &s)
{
    if ((s.status == DossierStatus::ResultReady || s.status == DossierStatus::Returned) && s.finishedAt.isValid() &&
        s.dueAt.isValid()) {
        if (s.finishedAt > s.dueAt)
            s.timeliness = Timeliness::Late;
        else if (vietnamDate(s.finishedAt) < vietnamDate(s.dueAt))
            s.timeliness = Timeliness::Early;
        else
            s.timeliness = Timeliness::OnTime;
    }
}

}  // namespace

DossierState foldDossier(const QList<Event> &input)
{
    const QList<Event> events = distinctInFoldOrder(input);
    QHash<QString, const Event *> byId;
    for (const Event &e : events)
        byId.insert(e.eventId, &e);
    Ancestry ancestry(byId);
    Conflicts conflicts(ancestry);

    DossierState s;
    if (!events.isEmpty()) {
        s.dossierId = events.first().dossierId;
        s.lastHlc = events.constLast().hlc.toString();
    }
    s.eventCount = int(events.size());

    QString lastApplied;  // the last exclusive event applied
    DossierStatus beforeSupplement = DossierStatus::Received;
    for (const Event &e : events) {
        TimelineEntry entry = timelineEntry(e);
        if (!isExclusive(e.type)) {
            addCommutative(s, e);
            s.timeline.append(entry);
            continue;
        }
        // An exclusive event applies only when it saw the last applied one (or none was applied yet) and
        // the move is legal; otherwise it is kept, shown, and flags the dossier for a supervisor.
        const bool follows = lastApplied.isEmpty() || ancestry.descends(e.eventId, lastApplied);
        if (!follows || !transitionAllowed(s.status, e.type)) {
            entry.applied = false;
            entry.conflicting = true;
            conflicts.add(e.eventId);
            s.timeline.append(entry);
            continue;
        }
        // An applied event that descends from earlier conflicting ones resolves them.
        conflicts.resolveSeenBy(e.eventId);
        lastApplied = e.eventId;
        applyExclusive(s, e, entry.at, &beforeSupplement);
        s.timeline.append(entry);
    }

    // A supervisor's resolution clears the conflicting events it saw, wherever it falls in the order.
    for (const Event &e : events) {
        if (e.type == EventType::ConflictResolved)
            conflicts.resolveSeenBy(e.eventId);
    }
    s.heads = headsOf(events);
    s.conflictEventIds = conflicts.sortedIds();
    s.conflict = !s.conflictEventIds.isEmpty();
    setTimeliness(s);
    return s;
}

}  // namespace motcua
