// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestSupport.h"

#include "core/dossier/CounterIdentity.h"
#include "core/dossier/DossierService.h"
#include "core/store/Store.h"

#include "core/Clock.h"
#include <QJsonArray>
#include <QJsonObject>

#include <QTimeZone>

#include <memory>

namespace motcua::test {

inline QDateTime vnTime(int y, int m, int d, int hh, int mm)
{
    return QDateTime(QDate(y, m, d), QTime(hh, mm), vietnamTimeZone()).toUTC();
}

inline std::unique_ptr<Store> openStore(const QString &path)
{
    auto r = Store::open(path);
    if (!r)
        FAIL("Store::open: " << r.error().message.toStdString());
    return std::move(r.value());
}

inline CounterIdentity counterIdentity(int slot = 1, int slots = 20,
                                       const QString &agency = QStringLiteral("000.00.04.H49"))
{
    CounterIdentity c;
    c.counterId = QStringLiteral("QN-HONGAI-%1").arg(slot, 2, 10, QLatin1Char('0'));
    c.agencyId = agency;
    c.unitName = QStringLiteral("Phường Hồng Gai");
    c.slot = slot;
    c.slots = slots;
    return c;
}

inline ReceiveRequest receiveRequest(const QDateTime &receivedAt,
                                     const QString &name = QStringLiteral("Nguyễn Văn Đức"))
{
    ReceiveRequest r;
    r.procedureCode = QStringLiteral("1.001193");
    r.procedureName = QStringLiteral("Đăng ký khai sinh");
    r.catalogVersion = 1;
    r.processing = {ProcessingKind::WorkingDays, 3};
    r.applicant = {{QStringLiteral("id_number"), QStringLiteral("022095001234")},
                   {QStringLiteral("full_name"), name},
                   {QStringLiteral("birth_date"), QStringLiteral("1995-03-14")},
                   {QStringLiteral("gender"), QStringLiteral("Nam")},
                   {QStringLiteral("address"), QStringLiteral("Tổ 5, khu 3, phường Hồng Gai, Quảng Ninh")},
                   {QStringLiteral("phone"), QStringLiteral("0912345678")}};
    r.documents = QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Tờ khai đăng ký khai sinh")},
                                         {QStringLiteral("originals"), 1},
                                         {QStringLiteral("certified_copies"), 0},
                                         {QStringLiteral("copies"), 0}}};
    r.receivedAt = receivedAt;
    return r;
}

}  // namespace motcua::test
