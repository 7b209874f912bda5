// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestSupport.h"

#include "app/common/Defaults.h"
#include "core/Clock.h"
#include "core/catalog/CatalogStore.h"
#include "core/dossier/DossierService.h"
#include "core/officer/OfficerStore.h"
#include "core/officer/PasswordHash.h"
#include "core/store/Store.h"
#include "ui/FormPrinter.h"

#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

#include <memory>

namespace motcua::test {

// A store with the demo catalog and calendar; with the standalone demo identity unless `firstRun`.
inline std::unique_ptr<Store> seededStore(const TempDir &dir, bool firstRun = false)
{
    auto store = Store::open(dir.file(QStringLiteral("counter.sqlite")));
    REQUIRE(store.ok());
    REQUIRE(app::seedDefaults(**store, {QStringLiteral("test"), QStringLiteral("local")}).ok());
    if (!firstRun)
        REQUIRE(app::ensureDemoIdentity(**store).ok());
    return std::move(store.value());
}

inline OfficerRecord addOfficer(const Store &store, const QString &login, const QString &password,
                                const QString &role = QStringLiteral("officer"))
{
    auto hash = hashPassword(password);
    REQUIRE(hash.ok());
    OfficerRecord r{login,       QStringLiteral("Cán bộ ") + login, role, QStringLiteral("000.00.00.H49"), *hash, false,
                    Clock::now()};
    REQUIRE(OfficerStore(store).add(r).ok());
    return r;
}

// Types `text` into whatever has the focus, one key event per character, as a keyboard-wedge scanner does
// (QTest::keyClicks only knows Latin-1).
inline void typeText(const QString &text)
{
    for (const QChar c : text) {
        QWidget *target = QApplication::focusWidget();
        REQUIRE(target);
        Qt::Key key = Qt::Key_unknown;
        if (c.isDigit())
            key = Qt::Key(Qt::Key_0 + c.digitValue());
        else if (c == QLatin1Char('|'))
            key = Qt::Key_Bar;
        else if (c == QLatin1Char('\r')) {
            QKeyEvent press(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
            QApplication::sendEvent(target, &press);
            continue;
        }
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(c));
        QApplication::sendEvent(target, &press);
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(c));
        QApplication::sendEvent(target, &release);
    }
}

// Captures what the counter prints instead of printing it.
struct PrintCapture {
    struct Job {
        ui::PrintJob job;
        QByteArray pdf;
    };
    QList<Job> jobs;
    PrintCapture()
    {
        ui::FormPrinter::setSink([this](const ui::PrintJob &job, const QByteArray &pdf) { jobs.append({job, pdf}); });
    }
    ~PrintCapture() { ui::FormPrinter::setSink({}); }
    Q_DISABLE_COPY_MOVE(PrintCapture)
};

// A valid CCCD QR text: born 15/03/1990 in Quảng Ninh (022), male.
inline QString goodScan()
{
    return QStringLiteral("022090001234|123456789|Nguyễn Văn An|15031990|Nam|Tổ 5, khu 3, phường Hồng Gai, Quảng "
                          "Ninh|01022021");
}

// Receives `count` dossiers of the demo catalog, at most 400 a day (a counter's reserve is 499 codes a day).
inline QStringList receiveMany(const Store &store, int count, const QDateTime &firstDay)
{
    auto id = CounterIdentity::load(store);
    REQUIRE(id.ok());
    auto procedure = CatalogStore(store).procedure(QStringLiteral("1.001193"));
    REQUIRE(procedure.ok());
    DossierService service(store, *id, QStringLiteral("canbo"));
    QStringList codes;
    for (int i = 0; i < count; ++i) {
        const QDateTime at = firstDay.addDays(i / 400).addSecs((i % 400) * 60);
        ScopedClockOverride clock([at] { return at; });
        ReceiveRequest r;
        r.procedureCode = procedure->code;
        r.procedureName = procedure->name;
        r.catalogVersion = 1;
        r.processing = procedure->processing;
        r.applicant = {{QStringLiteral("full_name"), QStringLiteral("Trần Thị Hoa %1").arg(i)},
                       {QStringLiteral("phone"), QStringLiteral("09%1").arg(10000000 + i)}};
        r.receivedAt = at;
        auto state = service.receive(r);
        REQUIRE(state.ok());
        codes << state->code;
    }
    return codes;
}

}  // namespace motcua::test
