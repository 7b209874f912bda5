// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ScanDetector.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace motcua::ui {

ScanDetector::ScanDetector(QWidget *scope) : QObject(scope), m_scope(scope)
{
    m_endTimer.setSingleShot(true);
    m_endTimer.setInterval(kEndGapMs);
    connect(&m_endTimer, &QTimer::timeout, this, [this] {
        if (m_scanning)
            finish();
        else
            m_burst.clear();
    });
    qApp->installEventFilter(this);
}

ScanDetector::~ScanDetector()
{
    qApp->removeEventFilter(this);
}

bool ScanDetector::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress && event->type() != QEvent::ShortcutOverride)
        return false;
    // Only the first delivery (to the focused widget) counts; propagation to the parents is the same key.
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || !m_scope || !m_scope->isVisible() || !m_scope->isAncestorOf(widget))
        return false;
    // (Without a window manager the window is never "active", but its focus widget still gets the keys.)
    const QWidget *focus = QApplication::focusWidget() ? QApplication::focusWidget() : widget->window()->focusWidget();
    if (widget != focus)
        return false;
    auto *key = static_cast<QKeyEvent *>(event);
    if (event->type() == QEvent::ShortcutOverride) {
        // While scanning, no key of the burst may trigger a shortcut.
        if (m_scanning) {
            event->accept();
            return true;
        }
        return false;
    }
    switch (key->key()) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
    case Qt::Key_CapsLock:
        // A scanner presses Shift for '|' and capitals: part of the burst, not a pause in it.
        return m_scanning;
    default:
        break;
    }
    const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
    const bool fast = m_sinceLastKey.isValid() && m_sinceLastKey.elapsed() <= kMaxGapMs;
    m_sinceLastKey.start();
    if (m_scanning) {
        if (enter) {
            finish();
        } else {
            m_burst += key->text();
            m_endTimer.start();
        }
        return true;
    }
    const QString text = key->text();
    if (text.isEmpty() || !text.at(0).isPrint() || (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        m_burst.clear();
        return false;
    }
    if (!fast || widget != m_target)
        startBurst(widget);
    if (text == QStringLiteral("|") && m_burst.size() >= kMinPrefix) {
        // A scanner: take the rest of the burst and give the field back what it had.
        m_scanning = true;
        m_burst += text;
        restoreTarget();
        m_endTimer.start();
        return true;
    }
    m_burst += text;
    m_endTimer.start();
    return false;
}

void ScanDetector::startBurst(QWidget *target)
{
    m_burst.clear();
    m_target = target;
    m_targetTextBefore.clear();
    m_targetCursorBefore = 0;
    if (auto *line = qobject_cast<QLineEdit *>(target)) {
        m_targetTextBefore = line->text();
        m_targetCursorBefore = line->cursorPosition();
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(target)) {
        m_targetTextBefore = plain->toPlainText();
    }
}

void ScanDetector::restoreTarget()
{
    if (auto *line = qobject_cast<QLineEdit *>(m_target.data())) {
        line->setText(m_targetTextBefore);
        line->setCursorPosition(m_targetCursorBefore);
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(m_target.data())) {
        plain->setPlainText(m_targetTextBefore);
    }
}

void ScanDetector::finish()
{
    m_endTimer.stop();
    m_scanning = false;
    const QString text = m_burst;
    m_burst.clear();
    m_target = nullptr;
    m_sinceLastKey.invalidate();
    Q_EMIT scanned(text);
}

}  // namespace motcua::ui
