// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace motcua::ui {

IdleWatcher::IdleWatcher(QObject *parent) : QObject(parent)
{
    m_sinceInput.start();
    connect(&m_checkTimer, &QTimer::timeout, this, &IdleWatcher::check);
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatcher::setTimeoutMs(qint64 ms)
{
    m_timeoutMs = ms;
    m_checkTimer.setInterval(int(qBound(qint64(50), ms / 4, qint64(5000))));
    setActive(m_active);
}

void IdleWatcher::setActive(bool active)
{
    m_active = active;
    poke();
    if (m_active && m_timeoutMs > 0)
        m_checkTimer.start();
    else
        m_checkTimer.stop();
}

void IdleWatcher::poke()
{
    m_sinceInput.restart();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        poke();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::check()
{
    if (m_active && m_timeoutMs > 0 && m_sinceInput.elapsed() >= m_timeoutMs) {
        m_checkTimer.stop();
        m_active = false;
        Q_EMIT idle();
    }
}

}  // namespace motcua::ui
