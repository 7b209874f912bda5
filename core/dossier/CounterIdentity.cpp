// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dossier/CounterIdentity.h"

#include "core/dossier/DossierCodes.h"
#include "core/store/Store.h"

#include <QCoreApplication>

namespace motcua {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::dossier)
};

Result<void> invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}
}  // namespace

Result<CounterIdentity> CounterIdentity::load(const Store &store)
{
    CounterIdentity id;
    struct Field {
        const char *key;
        QString *target;
    };
    QString slot;
    QString slots;
    QString standalone;
    for (const Field &f :
         {Field{"counter_id", &id.counterId}, Field{"agency_id", &id.agencyId}, Field{"unit_name", &id.unitName},
          Field{"counter_slot", &slot}, Field{"code_slots", &slots}, Field{"standalone", &standalone}}) {
        auto v = store.meta(QString::fromLatin1(f.key));
        if (!v)
            return v.error();
        *f.target = *v;
    }
    id.slot = slot.toInt();
    id.slots = slots.toInt();
    id.standalone = standalone != QStringLiteral("0");
    return id;
}

Result<void> CounterIdentity::validate() const
{
    if (counterId.trimmed().isEmpty())
        return invalid(Tr::tr("The counter needs an identifier."));
    if (!DossierCodes::isValidAgencyId(agencyId))
        return invalid(Tr::tr("'%1' is not a valid agency identifier (letters, digits and dots, e.g. 000.00.04.H49).")
                           .arg(agencyId));
    if (slots < 1 || slots > DossierCodes::kMaxSequence)
        return invalid(Tr::tr("The number of code slots must be between 1 and %1.").arg(DossierCodes::kMaxSequence));
    if (slot < 1 || slot > slots)
        return invalid(Tr::tr("The counter's code slot must be between 1 and %1.").arg(slots));
    return {};
}

CounterIdentity CounterIdentity::demo()
{
    CounterIdentity demo;
    demo.counterId = QStringLiteral("demo-1");
    demo.agencyId = QStringLiteral("000.00.00.H49");
    demo.unitName = QStringLiteral("Quầy trình diễn");  // data (printed on forms), not interface text
    demo.slot = 1;
    demo.slots = 20;
    demo.standalone = true;
    return demo;
}

Result<void> CounterIdentity::save(const Store &store) const
{
    if (auto v = validate(); !v)
        return v;
    // Agency identifiers are upper-case (…H49); codes are looked up upper-case.
    const QString agencyId = this->agencyId.toUpper();
    return store.write([&](const QSqlDatabase &db) -> Result<void> {
        const QList<std::pair<QString, QString>> values = {
            {QStringLiteral("counter_id"), counterId},
            {QStringLiteral("agency_id"), agencyId},
            {QStringLiteral("unit_name"), unitName},
            {QStringLiteral("counter_slot"), QString::number(slot)},
            {QStringLiteral("code_slots"), QString::number(slots)},
            {QStringLiteral("standalone"), standalone ? QStringLiteral("1") : QStringLiteral("0")},
        };
        for (const auto &[key, value] : values) {
            if (auto r = store.setMeta(db, key, value); !r)
                return r;
        }
        return {};
    });
}

}  // namespace motcua
