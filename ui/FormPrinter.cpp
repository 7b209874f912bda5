// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/FormPrinter.h"

#include "core/dossier/DossierStore.h"
#include "ui/AppSettings.h"
#include "ui/CounterContext.h"
#include "ui/print/Documents.h"

#include <QFile>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPrinterInfo>

namespace motcua::ui {

namespace {

FormPrinter::Sink &sinkSlot()
{
    static FormPrinter::Sink sink;
    return sink;
}

// The printer set for the form, or the system default; an error when it is missing.
Result<QPrinterInfo> printerFor(const QString &form)
{
    const QString name = AppSettings::printerFor(form);
    if (!name.isEmpty()) {
        const QPrinterInfo info = QPrinterInfo::printerInfo(name);
        if (info.isNull())
            return makeError(ErrorCode::NotFound,
                             FormPrinter::tr("The printer \"%1\" set for form %2 is not available. Check that it is "
                                             "switched on and connected, or choose another printer in Settings.")
                                 .arg(name, form));
        return info;
    }
    const QPrinterInfo info = QPrinterInfo::defaultPrinter();
    if (info.isNull())
        return makeError(ErrorCode::NotFound,
                         FormPrinter::tr("No printer is installed on this computer. Install one, or choose "
                                         "\"Preview before printing\" in Settings to check the form and save it as "
                                         "PDF."));
    return info;
}

}  // namespace

FormPrinter::FormPrinter(CounterContext &context, QObject *parent) : QObject(parent), m_context(context) {}

FormPrinter::~FormPrinter() = default;

void FormPrinter::setSink(Sink sink)
{
    sinkSlot() = std::move(sink);
}

bool FormPrinter::hasSink()
{
    return bool(sinkSlot());
}

Result<void> FormPrinter::printDossierForm(int form, const QString &dossierCode, bool reprint, QWidget *parent)
{
    auto dossier = DossierStore(m_context.store()).loadByCode(dossierCode);
    if (!dossier)
        return dossier.error();
    const QString formName = QStringLiteral("%1").arg(form, 2, 10, QLatin1Char('0'));
    auto unit =
        print::UnitInfo::load(m_context.store(), form == 1 ? dossier->receivingOfficer : m_context.officer().login);
    if (!unit)
        return unit.error();
    auto document = print::dossierDocument(form, *dossier, *unit, AppSettings::paperFor(formName), reprint);
    if (!document)
        return document.error();
    return print({formName, dossierCode, reprint, *document}, parent);
}

Result<void> FormPrinter::print(const PrintJob &job, QWidget *parent)
{
    if (Sink &sink = sinkSlot()) {
        auto pdf = print::renderPdfBytes(job.document);
        if (!pdf)
            return pdf.error();
        sink(job, *pdf);
        finished(job);
        return {};
    }
    if (AppSettings::printMode() == AppSettings::PrintMode::Preview) {
        openPreview(job, parent);
        return {};
    }
    return printDirect(job);
}

Result<void> FormPrinter::saveAsPdf(const PrintJob &job, const QString &path)
{
    auto pdf = print::renderPdfBytes(job.document);
    if (!pdf)
        return pdf.error();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*pdf) != pdf->size() || !file.flush())
        return makeError(ErrorCode::Io,
                         tr("Could not write %1: %2. Choose another folder.").arg(path, file.errorString()));
    return {};
}

Result<void> FormPrinter::printDirect(const PrintJob &job)
{
    auto info = printerFor(job.form);
    if (!info)
        return info.error();
    QPrinter printer(*info, QPrinter::HighResolution);
    printer.setDocName(job.document.title);
    print::paintDocument(job.document, printer, printer.resolution());
    if (printer.printerState() == QPrinter::Error || printer.printerState() == QPrinter::Aborted)
        return makeError(ErrorCode::Io, tr("The printer \"%1\" reported an error. Check paper and toner, then print "
                                           "again from the dossier's page.")
                                            .arg(info->printerName()));
    finished(job);
    return {};
}

void FormPrinter::openPreview(const PrintJob &job, QWidget *parent)
{
    auto info = printerFor(job.form);
    auto *printer = info ? new QPrinter(*info, QPrinter::HighResolution) : new QPrinter(QPrinter::HighResolution);
    if (!info) {
        // No printer: the preview can still save the form as PDF.
        printer->setOutputFormat(QPrinter::PdfFormat);
    }
    printer->setDocName(job.document.title);
    auto *dialog = new QPrintPreviewDialog(printer, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Preview — %1").arg(job.document.title));
    dialog->resize(900, 760);
    const print::FormDocument document = job.document;
    connect(dialog, &QPrintPreviewDialog::paintRequested, dialog,
            [document](QPrinter *p) { print::paintDocument(document, *p, p->resolution()); });
    // The preview's print button prints, then accepts the dialog.
    connect(dialog, &QDialog::accepted, this, [this, job] { finished(job); });
    connect(dialog, &QObject::destroyed, this, [printer] { delete printer; });
    dialog->open();
}

Result<void> FormPrinter::recordReprint(const PrintJob &job)
{
    if (!job.reprint || job.dossierCode.isEmpty())
        return {};
    auto recorded = m_context.service().record(
        job.dossierCode, EventType::Reprinted,
        {{QStringLiteral("form"), job.form}, {QStringLiteral("paper"), AppSettings::paperName(job.document.paper)}});
    if (!recorded)
        return recorded.error();
    m_context.notifyDossierChanged(job.dossierCode);
    return {};
}

void FormPrinter::finished(const PrintJob &job)
{
    if (auto r = recordReprint(job); !r)
        Q_EMIT problem(tr("The form was printed, but the reprint could not be recorded: %1").arg(r.error().message));
    Q_EMIT printed(job.form, job.dossierCode);
}

}  // namespace motcua::ui
