// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"
#include "ui/print/FormParts.h"

#include <QObject>

#include <functional>

class QWidget;

namespace motcua::ui {

class CounterContext;

// One thing to print: a form ("01" … "07") of a dossier (empty code for the register).
struct PrintJob {
    QString form;
    QString dossierCode;
    bool reprint = false;
    print::FormDocument document;
};

// Prints the legal forms: a preview first or straight to the printer chosen for the form (settings), or into a PDF
// file. A reprint is marked on the paper (by the document) and recorded on the dossier as a `reprinted` event once it
// went to the printer.
//
// Test seam: with a sink set, every job is rendered to PDF bytes and handed to the sink; nothing is shown or printed.
class FormPrinter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormPrinter)

public:
    using Sink = std::function<void(const PrintJob &job, const QByteArray &pdf)>;

    explicit FormPrinter(CounterContext &context, QObject *parent = nullptr);
    ~FormPrinter() override;

    static void setSink(Sink sink);  // {} restores real printing
    static bool hasSink();

    // Builds the dossier form's document on the paper set for the form, then prints it per the settings.
    // `parent` owns the preview. Errors say what happened and what to do.
    Result<void> printDossierForm(int form, const QString &dossierCode, bool reprint, QWidget *parent);
    Result<void> print(const PrintJob &job, QWidget *parent);
    Result<void> saveAsPdf(const PrintJob &job, const QString &path);

Q_SIGNALS:
    // A job went to a printer (or to the sink); a reprint has been recorded by then.
    void printed(const QString &form, const QString &dossierCode);
    void problem(const QString &message);

private:
    Result<void> printDirect(const PrintJob &job);
    void openPreview(const PrintJob &job, QWidget *parent);
    Result<void> recordReprint(const PrintJob &job);
    void finished(const PrintJob &job);

    CounterContext &m_context;
};

}  // namespace motcua::ui
