#include "ui/MainWindow.h"

#include "core/store/AuditLog.h"
#include "core/store/Backups.h"

#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QVBoxLayout>

namespace motcua::ui {

MainWindow::MainWindow(Store &store, QWidget *parent) : QMainWindow(parent), m_store(store)
{
    setWindowTitle(tr("MotCua — reception counter"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *title = new QLabel(tr("Local data store"), central);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);

    m_problemLabel = new QLabel(central);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #611a15; padding: 6px; }"));
    m_problemLabel->setVisible(false);
    layout->addWidget(m_problemLabel);

    auto *group = new QGroupBox(tr("Store"), central);
    m_form = new QFormLayout(group);
    m_pathLabel = new QLabel(group);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_schemaLabel = new QLabel(group);
    m_integrityLabel = new QLabel(group);
    m_backupLabel = new QLabel(group);
    m_backupLabel->setWordWrap(true);
    m_countsLabel = new QLabel(group);
    m_form->addRow(tr("Data file:"), m_pathLabel);
    m_form->addRow(tr("Schema version:"), m_schemaLabel);
    m_form->addRow(tr("Integrity:"), m_integrityLabel);
    m_form->addRow(tr("Last backup:"), m_backupLabel);
    m_form->addRow(tr("Records:"), m_countsLabel);
    layout->addWidget(group);

    m_backupButton = new QPushButton(tr("&Back up now"), central);
    m_backupButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_backupButton->setToolTip(tr("Write a consistent copy of the data file into the backups folder (Ctrl+B)"));
    connect(m_backupButton, &QPushButton::clicked, this, &MainWindow::backUpNow);
    layout->addWidget(m_backupButton, 0, Qt::AlignLeft);
    layout->addStretch(1);
    setCentralWidget(central);

    m_storeStatusLabel = new QLabel(statusBar());
    statusBar()->addPermanentWidget(m_storeStatusLabel);
    statusBar()->showMessage(tr("Offline — standalone counter"));
    resize(760, 420);
    refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::refresh()
{
    auto status = m_store.status();
    if (!status) {
        m_integrityLabel->setText(status.error().message);
        return;
    }
    const StoreStatus &s = *status;
    m_pathLabel->setText(s.path);
    m_schemaLabel->setText(tr("%1 (this program: %2)").arg(s.schemaVersion).arg(s.programSchemaVersion));
    m_integrityLabel->setText(s.integrity == QStringLiteral("ok") ? tr("passed the check at start") : s.integrity);
    m_backupLabel->setText(s.lastBackupAt.isValid()
                               ? QLocale().toString(s.lastBackupAt.toLocalTime(), QLocale::ShortFormat) + QStringLiteral(" — ") +
                                     s.lastBackupPath
                               : tr("none yet"));
    QStringList counts;
    for (const TableCount &c : s.counts)
        counts << QStringLiteral("%1: %2").arg(c.table).arg(QLocale().toString(c.rows));
    m_countsLabel->setText(counts.join(QStringLiteral(" · ")));
    m_storeStatusLabel->setText(tr("Store: schema %1 · %2").arg(s.schemaVersion).arg(QLocale().formattedDataSize(s.fileBytes)));
}

void MainWindow::showProblem(const QString &message)
{
    m_problemLabel->setText(message);
    m_problemLabel->setVisible(true);
}

void MainWindow::backUpNow()
{
    const QString out = QDir(Store::backupDirectoryFor(m_store.path()))
                            .filePath(QStringLiteral("manual-%1.sqlite")
                                          .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    auto taken = Backups::take(m_store, out);
    if (!taken) {
        QMessageBox::warning(this, tr("Backup failed"), taken.error().message);
        return;
    }
    const QString user = qEnvironmentVariable("USER");
    auto logged = m_store.write([&](const QSqlDatabase &db) -> Result<void> {
        auto a = AuditLog::append(db, {user, QStringLiteral("standalone")}, {QStringLiteral("store.backup"), taken->path, {}});
        if (!a)
            return a.error();
        return {};
    });
    if (!logged)
        QMessageBox::warning(this, tr("Backup failed"), logged.error().message);
    statusBar()->showMessage(tr("Backup written to %1").arg(taken->path), 8000);
    refresh();
}

}  // namespace motcua::ui
