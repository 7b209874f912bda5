// SPDX-License-Identifier: GPL-3.0-or-later
// The main() of every test program: a fixed environment, a Qt application object, then Catch2.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QTemporaryDir>
#include <QtGlobal>

#ifdef MOTCUA_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

#include <ctime>

int main(int argc, char *argv[])
{
    // The same environment whether ctest or a developer starts the program.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("TZ", "Asia/Ho_Chi_Minh");
    tzset();
    if (qEnvironmentVariableIsEmpty("LANG"))
        qputenv("LANG", "C.UTF-8");
    QTemporaryDir dataDir;
    qputenv("MOTCUA_DATA_DIR", dataDir.path().toUtf8());
    qputenv("XDG_DATA_HOME", dataDir.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", dataDir.path().toUtf8());

    TestApplication app(argc, argv);
    Catch::Session session;
    if (const int rc = session.applyCommandLine(argc, argv); rc != 0)
        return rc;
    // A test case that asserts nothing is a defect, and so is a run that matched no test case.
    auto &config = session.configData();
    config.warnings = static_cast<Catch::WarnAbout::What>(config.warnings | Catch::WarnAbout::NoAssertions |
                                                          Catch::WarnAbout::NoTests);
    return session.run();
}
