// SPDX-License-Identifier: GPL-3.0-or-later
// Printing benchmark: Form 01 of one dossier rendered to PDF (A4, two copies, QR code), cold and warm.
// Prints figures; asserts nothing. Runs on the offscreen platform.
#include "app/common/Defaults.h"
#include "core/Clock.h"
#include "core/dossier/DossierService.h"
#include "core/dossier/DossierStore.h"
#include "core/store/Store.h"
#include "ui/print/Form01.h"
#include "ui/print/Forms.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace motcua;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    auto store = Store::open(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!store || !app::seedDefaults(**store, {QStringLiteral("bench"), QStringLiteral("bench")}) ||
        !app::ensureDemoIdentity(**store)) {
        out << "setup failed" << Qt::endl;
        return 1;
    }
    auto identity = CounterIdentity::load(**store);
    identity->slots = 1;  // the whole day's code space: 1,000 dossiers on one day
    DossierService service(**store, *identity, QStringLiteral("bench"));
    ReceiveRequest r;
    r.procedureCode = QStringLiteral("1.004873");
    r.procedureName = QStringLiteral("Cấp Giấy xác nhận tình trạng hôn nhân");
    r.catalogVersion = 1;
    r.processing = {ProcessingKind::WorkingDays, 3};
    r.applicant = {{QStringLiteral("full_name"), QStringLiteral("Nguyễn Văn Đức")},
                   {QStringLiteral("address"), QStringLiteral("Tổ 5, khu 3, phường Hồng Gai")}};
    for (int i = 0; i < 4; ++i)
        r.documents.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("Giấy tờ số %1").arg(i + 1)},
                                       {QStringLiteral("originals"), 1}});
    r.receivedAt = Clock::now();
    auto dossier = service.receive(r);
    auto unit = ui::print::UnitInfo::load(**store, QStringLiteral("bench"));
    if (!dossier || !unit) {
        out << "dossier failed" << Qt::endl;
        return 1;
    }
    std::vector<double> ms;
    for (int i = 0; i < 31; ++i) {
        QElapsedTimer t;
        t.start();
        auto done = ui::print::renderForm01Pdf(*dossier, *unit, ui::print::Paper::A4, false,
                                               dir.filePath(QStringLiteral("f%1.pdf").arg(i)));
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!done) {
            out << "render failed: " << done.error().message << Qt::endl;
            return 1;
        }
    }
    const double cold = ms.front();
    ms.erase(ms.begin());
    std::sort(ms.begin(), ms.end());
    out << "bench_print: Form 01 (A4, two copies, QR) to PDF: cold " << QString::number(cold, 'f', 1)
        << " ms; warm p50 " << QString::number(ms[ms.size() / 2], 'f', 1) << " ms, p95 "
        << QString::number(ms[ms.size() * 95 / 100], 'f', 1) << " ms (n=" << ms.size() << ")" << Qt::endl;

    // Form 07 over 1,000 dossiers of one day.
    for (int i = 0; i < 999; ++i) {
        r.applicant.insert(QStringLiteral("full_name"), QStringLiteral("Người nộp số %1").arg(i));
        if (auto done = service.receive(r); !done) {
            out << "receive failed: " << done.error().message << Qt::endl;
            return 1;
        }
    }
    auto rows = DossierStore(**store).list(DossierFilter{}, 100000, 0);
    if (!rows) {
        out << "list failed" << Qt::endl;
        return 1;
    }
    const QDate day = r.receivedAt.toTimeZone(vietnamTimeZone()).date();
    QElapsedTimer t;
    t.start();
    auto reg = ui::print::renderRegisterPdf(*rows, *unit, day, day, dir.filePath(QStringLiteral("register.pdf")));
    const double regMs = double(t.nsecsElapsed()) / 1e6;
    if (!reg) {
        out << "register failed: " << reg.error().message << Qt::endl;
        return 1;
    }
    out << "bench_print: Form 07 register of " << rows->size() << " dossiers to PDF: " << QString::number(regMs, 'f', 0)
        << " ms" << Qt::endl;
    return 0;
}
