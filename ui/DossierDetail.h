// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dossier/Dossier.h"

#include <QJsonObject>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;
class QTextBrowser;
class QToolButton;

namespace motcua::ui {

class CounterContext;
class FormPrinter;

// One dossier: status, due moment and on-time status, applicant, documents, fees, the timeline of events (who,
// when, which counter), conflicts flagged for a supervisor; and a button for every lifecycle step the dossier's
// status allows, each printing its form where one exists (Form 02, 04, 05), plus reprints and the control sheet.
class DossierDetail final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DossierDetail)

public:
    DossierDetail(CounterContext &context, FormPrinter &printer, QWidget *parent = nullptr);
    ~DossierDetail() override;

    // Shows the dossier with `code` from the local store; false when it is not here.
    bool showDossier(const QString &code);
    void clear();
    void reload();
    [[nodiscard]] const DossierState &dossier() const { return m_dossier; }

    // Records one step (the payload as its dialog would build it), prints its form, refreshes. Returns the problem,
    // empty when done.
    QString perform(EventType type, QJsonObject payload);
    // Starts a step: asks for what it needs (EventDialog, non-blocking), then perform().
    void start(EventType type, const QString &step = {});
    QString printForm(int form, bool reprint);

    [[nodiscard]] QTextBrowser *browser() const { return m_browser; }
    [[nodiscard]] QLabel *messageLabel() const { return m_messageLabel; }
    [[nodiscard]] QPushButton *actionButton(EventType type, const QString &step = {}) const;

private:
    struct Action {
        EventType type;
        QString step;
        QPushButton *button;
    };
    void addAction(QGridLayout *grid, int index, EventType type, const QString &step, const QString &label);
    void updateActions();
    void showMessage(const QString &text, bool error);
    QString html() const;

    CounterContext &m_context;
    FormPrinter &m_printer;
    DossierState m_dossier;
    bool m_loaded = false;
    QTextBrowser *m_browser = nullptr;
    QLabel *m_messageLabel = nullptr;
    QToolButton *m_printButton = nullptr;
    QList<Action> m_actions;
};

}  // namespace motcua::ui
