// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace motcua::ui {

// Emits `idle` once when no key or mouse input reached the application for the set time (0 minutes: never).
class IdleWatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdleWatcher)

public:
    explicit IdleWatcher(QObject *parent = nullptr);
    ~IdleWatcher() override;

    void setTimeoutMs(qint64 ms);
    void setActive(bool active);  // watching only while an officer is signed in
    void poke();                  // counts as input

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();

    QElapsedTimer m_sinceInput;
    QTimer m_checkTimer;
    qint64 m_timeoutMs = 0;
    bool m_active = false;
};

}  // namespace motcua::ui
