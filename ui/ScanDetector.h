// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QWidget;

namespace motcua::ui {

// Catches a CCCD QR scan from a keyboard-wedge scanner anywhere inside `scope`: the scanner "types" the QR text
// (`|`-separated fields) much faster than a person, then CR. An application event filter watches the key presses
// going to a focused widget inside the scope; once a fast burst (every key within kMaxGapMs of the previous one)
// reaches a `|` after at least kMinPrefix characters, the rest of the burst is swallowed, the field the burst began
// in gets back the text it had before, and `scanned` is emitted with the whole text when CR/Enter arrives (or when
// the burst stops for kEndGapMs).
class ScanDetector final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScanDetector)

public:
    static constexpr int kMaxGapMs = 45;
    static constexpr int kEndGapMs = 400;
    static constexpr int kMinPrefix = 9;

    explicit ScanDetector(QWidget *scope);
    ~ScanDetector() override;

    [[nodiscard]] bool scanning() const { return m_scanning; }

Q_SIGNALS:
    void scanned(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startBurst(QWidget *target);
    void restoreTarget();
    void finish();

    QPointer<QWidget> m_scope;
    QPointer<QWidget> m_target;
    QString m_targetTextBefore;
    int m_targetCursorBefore = 0;
    QString m_burst;
    bool m_scanning = false;
    QElapsedTimer m_sinceLastKey;
    QTimer m_endTimer;
};

}  // namespace motcua::ui
