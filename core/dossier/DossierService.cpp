// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dossier/DossierService.h"

#include "core/Clock.h"
#include "core/CrashPoint.h"
#include "core/calendar/CalendarStore.h"
#include "core/dossier/ApplicantCheck.h"
#include "core/dossier/DossierCodes.h"
#include "core/dossier/DossierStore.h"
#include "core/dossier/Hlc.h"
#include "core/dossier/Uuid7.h"
#include "core/store/AuditLog.h"
#include "core/store/Store.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace motcua {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::dossier)
};

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

QString statusLabel(DossierStatus s)
{
    switch (s) {
    case DossierStatus::None:
        return Tr::tr("not received");
    case DossierStatus::Received:
        return Tr::tr("received");
    case DossierStatus::Refused:
        return Tr::tr("refused");
    case DossierStatus::WaitingSupplement:
        return Tr::tr("waiting for supplement");
    case DossierStatus::Transferred:
        return Tr::tr("transferred to the agency");
    case DossierStatus::Processing:
        return Tr::tr("being processed");
    case DossierStatus::ResultReady:
        return Tr::tr("result ready");
    case DossierStatus::Returned:
        return Tr::tr("returned");
    case DossierStatus::Stopped:
        return Tr::tr("stopped");
    case DossierStatus::Withdrawn:
        return Tr::tr("withdrawn");
    }
    return {};
}

bool hasText(const QJsonObject &o, const char *key)
{
    return !o.value(QLatin1String(key)).toString().trimmed().isEmpty();
}

QDateTime timeField(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? parseVietnamTime(v.toString()) : QDateTime();
}

// Times in a payload are stored in UTC ("…Z") so that every replica reads the same instant; a time without an
// offset is Vietnam time. A time field that is not a time is refused.
Result<QJsonObject> normalizeTimes(QJsonObject payload)
{
    for (const char *key : {"at", "due_at", "new_due_at"}) {
        const QJsonValue v = payload.value(QLatin1String(key));
        if (v.isUndefined())
            continue;
        const QDateTime t = v.isString() ? parseVietnamTime(v.toString()) : QDateTime();
        if (!t.isValid())
            return invalid(Tr::tr("Field %1 must be a date and time like 2026-03-20T17:00.").arg(QLatin1String(key)));
        payload.insert(QLatin1String(key), t.toString(Qt::ISODate));
    }
    return payload;
}

Result<void> validateRequest(const ReceiveRequest &r)
{
    if (r.procedureCode.trimmed().isEmpty() || r.procedureName.trimmed().isEmpty())
        return invalid(Tr::tr("Choose the procedure first."));
    if (r.sets < 1 || r.sets > 99)
        return invalid(Tr::tr("The number of sets must be between 1 and 99."));
    if (r.feeVnd < 0)
        return invalid(Tr::tr("The fee cannot be negative."));
    static const QStringList methods = {QStringLiteral("counter"), QStringLiteral("post"), QStringLiteral("online")};
    if (!methods.contains(r.returnMethod))
        return invalid(
            Tr::tr("The result is returned at the counter, by post or online, not '%1'.").arg(r.returnMethod));
    if (!r.receivedAt.isValid())
        return invalid(Tr::tr("The time of receipt is missing."));
    for (const QJsonValue &d : r.documents) {
        const QJsonObject o = d.toObject();
        if (o.value(QStringLiteral("name")).toString().trimmed().isEmpty())
            return invalid(Tr::tr("Every document needs a name."));
        for (const char *k : {"originals", "certified_copies", "copies"}) {
            const QJsonValue n = o.value(QLatin1String(k));
            if (!n.isUndefined() && (!n.isDouble() || n.toInt(-1) < 0))
                return invalid(
                    Tr::tr("Document counts cannot be negative (%1).").arg(o.value(QStringLiteral("name")).toString()));
        }
    }
    return {};
}

}  // namespace

Result<void> validatePayload(EventType type, const QJsonObject &p, const DossierState &state)
{
    switch (type) {
    case EventType::Refused:
    case EventType::SupplementRequested:
    case EventType::Stopped:
    case EventType::Withdrawn:
        if (!hasText(p, "reason"))
            return invalid(Tr::tr("Give the reason (field reason)."));
        return {};
    case EventType::Supplemented:
        if (!timeField(p, "due_at").isValid())
            return invalid(Tr::tr("The new appointment time is missing (field due_at)."));
        return {};
    case EventType::Transferred:
        if (!hasText(p, "agency"))
            return invalid(Tr::tr("Name the agency the dossier goes to (field agency)."));
        return {};
    case EventType::ProcessingStep: {
        static const QStringList steps = {QStringLiteral("appraise"), QStringLiteral("approve"),
                                          QStringLiteral("sign")};
        if (!steps.contains(p.value(QStringLiteral("step")).toString()))
            return invalid(Tr::tr("The processing step must be appraise, approve or sign (field step)."));
        return {};
    }
    case EventType::Extended: {
        const QDateTime due = timeField(p, "new_due_at");
        if (!due.isValid())
            return invalid(Tr::tr("The new appointment time is missing (field new_due_at)."));
        if (state.dueAt.isValid() && due <= state.dueAt)
            return invalid(Tr::tr("The new appointment time must be later than the current one."));
        if (!hasText(p, "reason"))
            return invalid(Tr::tr("Give the reason for the delay (field reason)."));
        return {};
    }
    case EventType::Returned: {
        const QJsonObject receiver = p.value(QStringLiteral("receiver")).toObject();
        if (receiver.value(QStringLiteral("full_name")).toString().trimmed().isEmpty())
            return invalid(Tr::tr("Record who received the result (field receiver.full_name)."));
        if (!p.value(QStringLiteral("identity_checked")).toBool())
            return invalid(Tr::tr("Check the receiver's identity document before returning the result."));
        return {};
    }
    case EventType::Note:
        if (!hasText(p, "text"))
            return invalid(Tr::tr("The note is empty (field text)."));
        return {};
    case EventType::Fee:
        if (p.value(QStringLiteral("amount_vnd")).toInteger(0) <= 0)
            return invalid(Tr::tr("The fee must be a positive amount in đồng (field amount_vnd)."));
        return {};
    case EventType::ConflictResolved:
        if (!state.conflict)
            return invalid(Tr::tr("This dossier has no conflict to resolve."));
        if (!hasText(p, "note"))
            return invalid(Tr::tr("Write down the decision (field note)."));
        return {};
    case EventType::Reprinted:
        if (!hasText(p, "form"))
            return invalid(Tr::tr("Name the form that was reprinted (field form)."));
        return {};
    case EventType::Received:
        return invalid(Tr::tr("A dossier is received with 'dossier receive', not as a later event."));
    case EventType::ResultReady:
    case EventType::Attachment:
        return {};
    }
    return {};
}

DossierService::DossierService(const Store &store, CounterIdentity counter, QString officer) :
    m_store(store), m_counter(std::move(counter)), m_officer(std::move(officer))
{
}

Result<DossierState> DossierService::receive(const ReceiveRequest &request)
{
    return create(request, EventType::Received, {});
}

Result<DossierState> DossierService::refuseAtIntake(const ReceiveRequest &request, const QString &reason)
{
    if (reason.trimmed().isEmpty())
        return invalid(Tr::tr("Give the reason (field reason)."));
    return create(request, EventType::Refused, reason);
}

Result<DossierState> DossierService::create(const ReceiveRequest &r, EventType type, const QString &reason)
{
    if (!m_counter.isSetUp())
        return invalid(Tr::tr("This counter is not set up yet: enroll it with the provincial center (or, for a "
                              "standalone counter, run: motcua-cli counter setup)."));
    if (auto v = validateRequest(r); !v)
        return v.error();
    const CheckedApplicant applicant = checkApplicantJson(r.applicant, r.representative);
    if (!applicant.problems.isEmpty()) {
        const ApplicantProblem &first = applicant.problems.first();
        return makeError(ErrorCode::InvalidInput, first.message,
                         applicantFieldKey(first.field) + QLatin1Char(' ') + applicantProblemCodeName(first.code));
    }
    auto due = dueMoment(r);
    if (!due)
        return due.error();

    const QDate day = r.receivedAt.toTimeZone(vietnamTimeZone()).date();
    Event e;
    e.eventId = createUuid7();
    e.dossierId = createUuid7();
    e.counterId = m_counter.counterId;
    e.officer = m_officer;
    e.type = type;
    e.catalogVersion = r.catalogVersion;
    e.occurredAt = Clock::now();
    e.payload = {
        {QStringLiteral("agency_id"), m_counter.agencyId},
        {QStringLiteral("procedure_code"), r.procedureCode},
        {QStringLiteral("procedure_name"), r.procedureName},
        {QStringLiteral("processing"), QJsonObject{{QStringLiteral("kind"), processingKindName(r.processing.kind)},
                                                   {QStringLiteral("days"), r.processing.days}}},
        {QStringLiteral("applicant"), applicant.applicant},
        {QStringLiteral("documents"), r.documents},
        {QStringLiteral("sets"), r.sets},
        {QStringLiteral("fee_vnd"), r.feeVnd},
        {QStringLiteral("return_method"), r.returnMethod},
        {QStringLiteral("return_unit"), r.returnUnit},
        {QStringLiteral("received_at"), r.receivedAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("device_time"), e.occurredAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("due_at"), due->toString(Qt::ISODate)},
    };
    if (!applicant.representative.isEmpty())
        e.payload.insert(QStringLiteral("representative"), applicant.representative);
    if (type == EventType::Refused)
        e.payload.insert(QStringLiteral("reason"), reason);

    DossierState state;
    auto written = m_store.write([&](const QSqlDatabase &db) -> Result<void> {
        auto code = DossierCodes::issue(db, m_counter.agencyId, day, m_counter.slot, m_counter.slots);
        if (!code)
            return code.error();
        e.payload.insert(QStringLiteral("code"), *code);
        auto stored = insert(db, e, QStringLiteral("dossier.") + eventTypeName(type), *code);
        if (!stored)
            return stored.error();
        state = *stored;
        crashPoint("receive.before_commit");
        return {};
    });
    if (!written)
        return written.error();
    crashPoint("receive.after_commit");
    return state;
}

Result<QDateTime> DossierService::dueMoment(const ReceiveRequest &r)
{
    if (!m_calendar) {
        auto calendar = CalendarStore::load(m_store);
        if (!calendar)
            return calendar.error();
        m_calendar = std::move(*calendar);
    }
    const QDateTime due = m_calendar->due(r.receivedAt, r.processing).toUTC();
    if (!due.isValid())
        return makeError(ErrorCode::Internal, Tr::tr("The working calendar could not compute the appointment. Check "
                                                     "the working hours in Settings."));
    return due;
}

Result<DossierState> DossierService::record(const QString &code, EventType type, const QJsonObject &rawPayload)
{
    auto payload = normalizeTimes(rawPayload);
    if (!payload)
        return payload.error();
    // Read, check and write in one transaction: a pulled event committed in between cannot make the check stale.
    DossierState state;
    auto written = m_store.write([&](const QSqlDatabase &db) -> Result<void> {
        DossierStore dossiers(m_store);
        auto current = dossiers.loadByCode(code);
        if (!current)
            return current.error();
        if (!transitionAllowed(current->status, type))
            return invalid(Tr::tr("Dossier %1 is %2; it cannot be marked '%3' now.")
                               .arg(code, statusLabel(current->status), eventTypeName(type)));
        if (auto v = validatePayload(type, *payload, *current); !v)
            return v.error();

        Event e;
        e.eventId = createUuid7();
        e.dossierId = current->dossierId;
        e.counterId = m_counter.counterId.isEmpty() ? QStringLiteral("standalone") : m_counter.counterId;
        e.officer = m_officer;
        e.type = type;
        e.catalogVersion = current->catalogVersion;
        e.parents = current->heads;
        e.payload = *payload;
        e.occurredAt = Clock::now();
        if (!e.payload.contains(QStringLiteral("at")))
            e.payload.insert(QStringLiteral("at"), e.occurredAt.toString(Qt::ISODate));
        auto stored = insert(db, e, QStringLiteral("dossier.") + eventTypeName(type), current->code);
        if (!stored)
            return stored.error();
        state = *stored;
        return {};
    });
    if (!written)
        return written.error();
    return state;
}

Result<DossierState> DossierService::insert(const QSqlDatabase &db, Event &e, const QString &auditAction,
                                            const QString &subject)
{
    auto hlc = HybridClock::tick(db);
    if (!hlc)
        return hlc.error();
    e.hlc = *hlc;
    auto ins = DossierStore::insertEvent(db, e, true);
    if (!ins)
        return ins.error();
    auto view = DossierStore::refreshView(db, e.dossierId);
    if (!view)
        return view.error();
    auto audit = AuditLog::append(db, {m_officer, e.counterId}, {auditAction, subject, e.eventId});
    if (!audit)
        return audit.error();
    return *view;
}

}  // namespace motcua
