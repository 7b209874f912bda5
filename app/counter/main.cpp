// motcua: the reception counter's desktop app. This file only wires.
#include "app/common/Defaults.h"
#include "app/common/Translations.h"
#include "core/Paths.h"
#include "core/store/Backups.h"
#include "core/store/Store.h"
#include "sync/client/SyncClient.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>
#include <QThread>
#include <QTimer>

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::counter)
};

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
    // Vietnamese by default; English on request (settings or --lang en).
    QCommandLineParser parser;
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
    QSettings settings;
    QString language = parser.value(QStringLiteral("lang"));
    if (language.isEmpty())
        language = settings.value(QStringLiteral("ui/language"), QStringLiteral("vi")).toString();
    motcua::app::installTranslations(language);

    const QString path = parser.value(QStringLiteral("db"));
    // The integrity check of a large store takes seconds: it runs behind the login window, and writes wait
    // for it. A store that failed it last time is checked before anything else, so a restore can be offered.
    const QString damagedKey = QStringLiteral("store/failed_integrity_check");
    motcua::StoreOptions storeOptions;
    storeOptions.integrityCheck = settings.value(damagedKey).toString() == path ? motcua::IntegrityCheck::AtOpen
                                                                                : motcua::IntegrityCheck::InBackground;
    auto opened = motcua::Store::open(path, storeOptions);
    if (!opened && opened.error().code == motcua::ErrorCode::Corrupt) {
        const auto newest = motcua::Backups::newest(path);
        if (newest) {
            const auto answer = QMessageBox::question(
                nullptr, Tr::tr("Data file damaged"),
                opened.error().message + QStringLiteral("\n\n") +
                    Tr::tr(
                        "Restore the newest automatic backup, taken %1? The damaged file is kept aside, not deleted.")
                        .arg(QLocale().toString(newest->takenAt.toLocalTime(), QLocale::ShortFormat)));
            if (answer == QMessageBox::Yes) {
                auto restored = motcua::Backups::restore(path, newest->path);
                if (!restored)
                    QMessageBox::critical(nullptr, Tr::tr("Restore failed"), restored.error().message);
                else
                    opened = motcua::Store::open(path, storeOptions);
            }
        }
    }
    if (!opened) {
        QMessageBox::critical(nullptr, Tr::tr("MotCua cannot start"), opened.error().message);
        return 1;
    }
    std::unique_ptr<motcua::Store> store = std::move(opened.value());
    if (!store->integrityPending())
        settings.remove(damagedKey);
    // A new store starts with the demo catalog and the official days off. Who the counter is (enrolled, or a
    // standalone demo) is chosen on the first-run page.
    const motcua::Actor system{QStringLiteral("system"), QStringLiteral("local")};
    if (auto seeded = motcua::app::seedDefaults(*store, system); !seeded) {
        QMessageBox::critical(nullptr, Tr::tr("MotCua cannot start"), seeded.error().message);
        return 1;
    }

    // The sync client (when wired here) reports its status across threads.
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
    if (qEnvironmentVariableIsSet("MOTCUA_EXIT_WHEN_READY")) {
        // For bench_ui: the first window painted (cold start to the login window), then report and quit.
        QTimer::singleShot(0, &window, [&window] {
            window.repaint();
            QFile status(QStringLiteral("/proc/self/status"));
            QByteArray peak;
            if (status.open(QIODevice::ReadOnly)) {
                for (const QByteArray &line : status.readAll().split('\n')) {
                    if (line.startsWith("VmHWM:"))
                        peak = line.mid(6).trimmed();
                }
            }
            QTextStream(stdout) << "ready " << QString::fromLatin1(peak) << Qt::endl;
            QApplication::quit();
        });
        return QApplication::exec();
    }

    // The integrity check, then the daily backup, run on their own thread, off the officer's way. A damaged
    // store is not backed up (it would replace a good backup), writes are refused, and the next start offers
    // the newest backup.
    auto damaged = std::make_shared<QString>();
    auto backupError = std::make_shared<QString>();
    QThread *backup = QThread::create([s = store.get(), damaged, backupError] {
        if (auto checked = s->waitForIntegrity(); !checked) {
            if (checked.error().code == motcua::ErrorCode::Corrupt)
                *damaged = checked.error().message;
            return;
        }
        if (auto r = motcua::Backups::takeIfDue(*s); !r)
            *backupError = r.error().message;
        s->releaseThreadConnection();
    });
    QObject::connect(backup, &QThread::finished, &window, [&window, &settings, damaged, backupError, damagedKey, path] {
        if (!damaged->isEmpty()) {
            settings.setValue(damagedKey, path);
            const QString text =
                *damaged + QStringLiteral("\n\n") +
                Tr::tr("Nothing more can be saved, so that nothing is lost. Close MotCua and start it again: it will "
                       "offer to restore the newest automatic backup. Dossiers already sent to the provincial center "
                       "come back from it.");
            window.showProblem(text);
            QMessageBox::critical(&window, Tr::tr("Data file damaged"), text);
            return;
        }
        window.refresh();
        if (!backupError->isEmpty())
            window.showProblem(Tr::tr("The automatic backup failed: %1").arg(*backupError));
    });
    QObject::connect(backup, &QThread::finished, backup, &QObject::deleteLater);
    backup->start(QThread::LowPriority);

    // Sync with the provincial center on its own thread; the window hears from it by signals only.
    motcua::sync::SyncClientOptions syncOptions;
    syncOptions.allowPlaintextCredentials = motcua::app::allowPlaintextCredentials();
    motcua::sync::SyncClient syncClient(*store, syncOptions);
    QObject::connect(&syncClient, &motcua::sync::SyncClient::statusChanged, &window,
                     &motcua::ui::MainWindow::setSyncStatus);
    QObject::connect(&syncClient, &motcua::sync::SyncClient::dossiersChanged, &window,
                     &motcua::ui::MainWindow::refresh);
    QObject::connect(&window, &motcua::ui::MainWindow::lookupRequested, &syncClient, &motcua::sync::SyncClient::lookup);
    QObject::connect(&syncClient, &motcua::sync::SyncClient::lookupFinished, &window,
                     &motcua::ui::MainWindow::lookupFinished);
    QObject::connect(&window, &motcua::ui::MainWindow::enrollRequested, &syncClient, &motcua::sync::SyncClient::enroll);
    QObject::connect(&syncClient, &motcua::sync::SyncClient::enrollFinished, &window,
                     &motcua::ui::MainWindow::enrollFinished);
    syncClient.start();

    const int rc = QApplication::exec();
    // Closing within seconds of the start must not wait for the integrity check of a large store.
    store->cancelIntegrityCheck();
    syncClient.stop();
    backup->wait();
    return rc;
}
