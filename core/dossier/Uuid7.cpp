// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dossier/Uuid7.h"

#include "core/Clock.h"

#include <QRandomGenerator>

#include <array>
#include <memory>

namespace motcua {

namespace {
// Tests only: a seeded generator, so that a simulation run can be replayed id for id.
std::unique_ptr<QRandomGenerator> &testGenerator()
{
    static std::unique_ptr<QRandomGenerator> generator;
    return generator;
}
}  // namespace

void seedUuid7ForTests(quint64 seed)
{
    if (seed == 0)
        testGenerator().reset();
    else
        testGenerator() = std::make_unique<QRandomGenerator>(static_cast<quint32>(seed ^ (seed >> 32)));
}

QString createUuid7()
{
    return createUuid7(Clock::nowMs());
}

QString createUuid7(qint64 unixMs)
{
    std::array<quint8, 16> b{};
    const quint64 ms = static_cast<quint64>(unixMs) & 0xFFFFFFFFFFFFull;
    for (int i = 0; i < 6; ++i)
        b[static_cast<size_t>(i)] = static_cast<quint8>(ms >> (8 * (5 - i)));
    quint32 r[3];
    if (auto &seeded = testGenerator())
        seeded->fillRange(r, 3);
    else
        QRandomGenerator::system()->fillRange(r, 3);
    for (int i = 0; i < 10; ++i)
        b[static_cast<size_t>(6 + i)] = static_cast<quint8>(r[i / 4] >> (8 * (i % 4)));
    b[6] = static_cast<quint8>(0x70 | (b[6] & 0x0F));  // version 7
    b[8] = static_cast<quint8>(0x80 | (b[8] & 0x3F));  // variant 10
    const QByteArray hex = QByteArray(reinterpret_cast<const char *>(b.data()), 16).toHex();
    return QString::fromLatin1(hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-' +
                               hex.mid(20));
}

namespace {
template <typename View> bool isUuid7Text(View text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const char16_t c = QChar(text.at(i)).unicode();
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'))) {
            return false;
        }
    }
    return text.at(14) == QLatin1Char('7');
}
}  // namespace

bool isUuid7(const QString &text)
{
    return isUuid7Text(QStringView(text));
}

bool isUuid7(QLatin1StringView text)
{
    return isUuid7Text(text);
}

}  // namespace motcua
