// SPDX-License-Identifier: GPL-3.0-or-later
// Command group: the chip ID card (CCCD).
#include "app/cli/Cli.h"

#include "core/citizen/CitizenId.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

#include <cstdio>

namespace motcua::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(motcua::cli)
};

QJsonValue dateValue(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

int runParse(Context &ctx, const QStringList &raw)
{
    auto args = Args::parse(raw, {}, 0, 0);
    if (!args)
        return ctx.fail(args.error());
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return ctx.fail(makeError(ErrorCode::Io, Tr::tr("cannot read the standard input")));
    const QByteArray bytes = in.readAll();
    auto card = citizen::parseCccdQr(QString::fromUtf8(bytes));
    if (!card)
        return ctx.fail(card.error());
    const citizen::CitizenId &c = *card;
    const QString province = citizen::provinceName(QStringView(c.idNumber).left(3));
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("id_number"), c.idNumber},
                       {QStringLiteral("old_id_number"), c.oldIdNumber},
                       {QStringLiteral("full_name"), c.fullName},
                       {QStringLiteral("birth_date"), dateValue(c.birthDate)},
                       {QStringLiteral("gender"), citizen::genderWord(c.gender)},
                       {QStringLiteral("address"), c.address},
                       {QStringLiteral("issue_date"), dateValue(c.issueDate)},
                       {QStringLiteral("birth_registration_province"), province},
                       {QStringLiteral("extra_fields"), QJsonArray::fromStringList(c.extraFields)}});
        return ExitOk;
    }
    auto line = [&](const QString &label, const QString &value) {
        ctx.out() << QString(label + QLatin1Char(':')).leftJustified(24) << value << Qt::endl;
    };
    const QString none = Tr::tr("(none)");
    line(Tr::tr("ID number"), c.idNumber);
    line(Tr::tr("Old ID number"), c.oldIdNumber.isEmpty() ? none : c.oldIdNumber);
    line(Tr::tr("Full name"), c.fullName);
    line(Tr::tr("Date of birth"), c.birthDate.toString(QStringLiteral("dd/MM/yyyy")));
    line(Tr::tr("Gender"), citizen::genderWord(c.gender));
    line(Tr::tr("Address"), c.address);
    line(Tr::tr("Issue date"), c.issueDate.isValid() ? c.issueDate.toString(QStringLiteral("dd/MM/yyyy")) : none);
    line(Tr::tr("Birth registered in"),
         QString(province + QStringLiteral(" (") + c.idNumber.left(3) + QLatin1Char(')')));
    for (const QString &extra : c.extraFields)
        line(Tr::tr("Extra field"), extra);
    return ExitOk;
}

}  // namespace

void registerCitizenCommands(Registry &registry)
{
    registry.add({{QStringLiteral("cccd"), QStringLiteral("parse")},
                  QStringLiteral("< SCANNED-TEXT"),
                  Tr::tr("read a chip ID card's QR text from standard input and check it"),
                  runParse});
}

}  // namespace motcua::cli
