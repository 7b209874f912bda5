// SPDX-License-Identifier: GPL-3.0-or-later
// motcua: the reception counter's desktop app. This file only wires.
#include "app/common/Defaults.h"
#include "app/common/Translations.h"
#include "core/Async.h"
#include "core/Paths.h"
#include "core/store/Backups.h"
#include "core/store/Store.h"
#include "sync/client/SyncClient.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::counter)
};

// Set to the store's path when its integrity check failed, so that the next start checks it first.
const QString kDamagedKey = QStringLiteral("store/failed_integrity_check");

bool haveDisplay()
{
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY") ||
           qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

QString storePathFromArguments(const QStringList &arguments)
{
    const qsizetype i = arguments.indexOf(QStringLiteral("--db"));
    if (i >= 0 && i + 1 < arguments.size())
        return arguments.at(i + 1);
    return motcua::paths::defaultStorePath();
}

// Without a display there is no window to open: report the embedded default instead, and how to get a window.
int runHeadless(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    motcua::app::installTranslations(QSettings().value(QStringLiteral("ui/language"), QStringLiteral("vi")).toString());
    QTextStream err(stderr);
    const QString path = storePathFromArguments(QCoreApplication::arguments());
    auto store = motcua::Store::open(path);
    if (!store) {
        err << QStringLiteral("motcua: ") << store.error().message << Qt::endl;
        return 1;
    }
    if (auto seeded = motcua::app::seedDefaults(**store, {QStringLiteral("system"), QStringLiteral("local")});
        !seeded) {
        err << QStringLiteral("motcua: ") << seeded.error().message << Qt::endl;
        return 1;
    }
    auto status = (*store)->status();
    err << QStringLiteral("motcua: ")
        << Tr::tr("No display found (DISPLAY and WAYLAND_DISPLAY are not set), so the counter window cannot open.")
        << Qt::endl
        << QStringLiteral("motcua: ")
        << Tr::tr("The local store %1 is ready (schema %2, integrity %3).")
               .arg(path)
               .arg((*store)->schemaVersion())
               .arg(status ? status->integrity : status.error().message)
        << Qt::endl
        << QStringLiteral("motcua: ") << Tr::tr("Run it on a desktop, or under a virtual display: xvfb-run -a make run")
        << Qt::endl;
    return 0;
}

// Vietnamese by default; English on request (settings or --lang en).
void parseArguments(QCommandLineParser &parser, const QApplication &app)
{
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("db"), Tr::tr("The data file."), Tr::tr("PATH"), motcua::paths::defaultStorePath()});
    parser.addOption({QStringLiteral("lang"), Tr::tr("Interface language: vi or en."), Tr::tr("LANG")});
    parser.addOption({QStringLiteral("verbose"), Tr::tr("Also print the modules' log lines.")});
    parser.addOption({QStringLiteral("center"),
                      Tr::tr("First run: offer enrollment with this provincial center (filled in on the setup page)."),
                      Tr::tr("URL")});
    parser.addOption({QStringLiteral("enrollment-code"),
                      Tr::tr("First run: the one-time enrollment code to fill in with --center."), Tr::tr("CODE")});
    parser.process(app);
}

// The integrity check of a large store takes seconds: it runs behind the login window, and writes wait for it.
// A store that failed it last time is checked before anything else, so a restore can be offered.
motcua::Result<std::unique_ptr<motcua::Store>> openOrRestore(const QString &path)
{
    motcua::StoreOptions storeOptions;
    storeOptions.integrityCheck = QSettings().value(kDamagedKey).toString() == path
                                      ? motcua::IntegrityCheck::AtOpen
                                      : motcua::IntegrityCheck::InBackground;
    auto opened = motcua::Store::open(path, storeOptions);
    if (opened || opened.error().code != motcua::ErrorCode::Corrupt)
        return opened;
    const auto newest = motcua::Backups::newest(path);
    if (!newest)
        return opened;
    const auto answer = QMessageBox::question(
        nullptr, Tr::tr("Data file damaged"),
        opened.error().message + QStringLiteral("\n\n") +
            Tr::tr("Restore the newest automatic backup, taken %1? The damaged file is kept aside, not deleted.")
                .arg(QLocale().toString(newest->takenAt.toLocalTime(), QLocale::ShortFormat)));
    if (answer != QMessageBox::Yes)
        return opened;
    auto restored = motcua::Backups::restore(path, newest->path);
    if (!restored) {
        QMessageBox::critical(nullptr, Tr::tr("Restore failed"), restored.error().message);
        return opened;
    }
    return motcua::Store::open(path, storeOptions);
}

struct DailyCheck {
    QString damaged;  // the integrity check failed: what it found
    QString backupError;
};

// The integrity check, then the daily backup, off the officer's way. A damaged store is not backed up (it would
// replace a good backup), writes are refused, and the next start offers the newest backup.
void startDailyCheck(const motcua::Store &store, motcua::ui::MainWindow &window)
{
    auto check = [&store] {
        DailyCheck outcome;
        if (auto checked = store.waitForIntegrity(); !checked) {
            if (checked.error().code == motcua::ErrorCode::Corrupt)
                outcome.damaged = checked.error().message;
            return outcome;
        }
        if (auto r = motcua::Backups::takeIfDue(store); !r)
            outcome.backupError = r.error().message;
        return outcome;
    };
    motcua::async::runThenCallback(&window, check, [&window, path = store.path()](const DailyCheck &outcome) {
        if (!outcome.damaged.isEmpty()) {
            QSettings().setValue(kDamagedKey, path);
            const QString text =
                outcome.damaged + QStringLiteral("\n\n") +
                Tr::tr("Nothing more can be saved, so that nothing is lost. Close MotCua and start it again: it will "
                       "offer to restore the newest automatic backup. Dossiers already sent to the provincial center "
                       "come back from it.");
            window.showProblem(text);
            QMessageBox::critical(&window, Tr::tr("Data file damaged"), text);
            return;
        }
        window.refresh();
        if (!outcome.backupError.isEmpty())
            window.showProblem(Tr::tr("The automatic backup failed: %1").arg(outcome.backupError));
    });
}

// Sync with the provincial center on its own thread; the window hears from it by signals only.
void connectSync(motcua::sync::SyncClient &syncClient, motcua::ui::MainWindow &window)
{
    using motcua::sync::SyncClient;
    using motcua::ui::MainWindow;
    QObject::connect(&syncClient, &SyncClient::statusChanged, &window, &MainWindow::setSyncStatus);
    QObject::connect(&syncClient, &SyncClient::dossiersChanged, &window, &MainWindow::refresh);
    QObject::connect(&window, &MainWindow::lookupRequested, &syncClient, &SyncClient::lookup);
    QObject::connect(&syncClient, &SyncClient::lookupFinished, &window, &MainWindow::lookupFinished);
    QObject::connect(&window, &MainWindow::enrollRequested, &syncClient, &SyncClient::enroll);
    QObject::connect(&syncClient, &SyncClient::enrollFinished, &window, &MainWindow::enrollFinished);
}

// For bench_ui: the first window painted (cold start to the login window), then "ready" on stdout. The benchmark
// reads this process's memory, then closes its stdin, and the program quits.
int runUntilReadyForBenchmark(QWidget &window)
{
    QTimer::singleShot(0, &window, [&window] {
        window.repaint();
        QTextStream(stdout) << "ready" << Qt::endl;
        (void)QTextStream(stdin).readAll();
        QApplication::quit();
    });
    return QApplication::exec();
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("motcua"));
    QCoreApplication::setOrganizationName(QStringLiteral("motcua"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MOTCUA_VERSION));
    // The officer sees problems in the window; the modules' routine log lines only with --verbose.
    bool verbose = false;
    for (int i = 1; i < argc; ++i)
        verbose = verbose || qstrcmp(argv[i], "--verbose") == 0;
    if (!verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("motcua.*.info=false"));
    if (!haveDisplay())
        return runHeadless(argc, argv);

    QApplication app(argc, argv);
    QCommandLineParser parser;
    parseArguments(parser, app);
    QString language = parser.value(QStringLiteral("lang"));
    if (language.isEmpty())
        language = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("vi")).toString();
    motcua::app::installTranslations(language);

    const QString path = parser.value(QStringLiteral("db"));
    auto opened = openOrRestore(path);
    if (!opened) {
        QMessageBox::critical(nullptr, Tr::tr("MotCua cannot start"), opened.error().message);
        return 1;
    }
    std::unique_ptr<motcua::Store> store = std::move(opened.value());
    if (!store->integrityPending())
        QSettings().remove(kDamagedKey);
    // A new store starts with the demo catalog and the official days off. Who the counter is (enrolled, or a
    // standalone demo) is chosen on the first-run page.
    const motcua::Actor system{QStringLiteral("system"), QStringLiteral("local")};
    if (auto seeded = motcua::app::seedDefaults(*store, system); !seeded) {
        QMessageBox::critical(nullptr, Tr::tr("MotCua cannot start"), seeded.error().message);
        return 1;
    }

    // The sync client reports its status across threads.
    qRegisterMetaType<motcua::sync::SyncStatus>();
    motcua::ui::MainWindow window(*store);
    if (parser.isSet(QStringLiteral("center"))) {
        const QUrl center = QUrl::fromUserInput(parser.value(QStringLiteral("center")));
        if (!center.isValid() || center.host().isEmpty()) {
            QMessageBox::critical(nullptr, Tr::tr("MotCua cannot start"),
                                  Tr::tr("--center %1 is not a web address such as https://motcua.quangninh.gov.vn.")
                                      .arg(parser.value(QStringLiteral("center"))));
            return 2;
        }
        window.prefillEnrollment(center, parser.value(QStringLiteral("enrollment-code")));
    }
    window.show();
    if (qEnvironmentVariableIsSet("MOTCUA_EXIT_WHEN_READY"))
        return runUntilReadyForBenchmark(window);

    startDailyCheck(*store, window);
    motcua::sync::SyncClientOptions syncOptions;
    syncOptions.allowPlaintextCredentials = motcua::app::allowPlaintextCredentials();
    motcua::sync::SyncClient syncClient(*store, syncOptions);
    connectSync(syncClient, window);
    syncClient.start();

    const int rc = QApplication::exec();
    // Closing within seconds of the start must not wait for the integrity check of a large store; a backup that
    // runs is let finish. Then the store may close.
    store->cancelIntegrityCheck();
    syncClient.stop();
    motcua::async::waitForAll();
    return rc;
}
