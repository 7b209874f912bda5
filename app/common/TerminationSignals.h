// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace motcua::app {

// SIGTERM and SIGINT as a Qt signal, delivered by the event loop. A signal handler may only do what is
// async-signal-safe, so it writes a byte to a socket pair; the event loop, woken by the other end, emits
// received(). One instance at a time; the previous handlers come back when it is destroyed.
class TerminationSignals final : public QObject {
    Q_OBJECT
public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;
    Q_DISABLE_COPY_MOVE(TerminationSignals)

    // False when the socket pair could not be made: the signals then keep their default action.
    [[nodiscard]] bool isWatching() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signal);

private:
    void drain();

    QSocketNotifier *m_notifier = nullptr;
};

}  // namespace motcua::app
