// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/Protocol.h"

#include <QJsonDocument>

namespace motcua::sync {

QString apiPrefix()
{
    return QStringLiteral("/v1");
}

ApiResponse ApiResponse::json(int status, const QJsonObject &object)
{
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse ApiResponse::error(int status, const char *code, const QString &message, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("error"), QString::fromLatin1(code));
    body.insert(QStringLiteral("message"), message);
    return json(status, body);
}

ApiResponse ApiResponse::noAnswer(const QString &why)
{
    ApiResponse r;
    r.status = 0;
    r.transportError = why;
    return r;
}

QJsonObject ApiResponse::object() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    return doc.isObject() ? doc.object() : QJsonObject();
}

QString ApiResponse::errorCode() const
{
    return object().value(QLatin1String("error")).toString();
}

QString pushStatusName(PushStatus status)
{
    switch (status) {
    case PushStatus::Accepted:
        return QStringLiteral("accepted");
    case PushStatus::Duplicate:
        return QStringLiteral("duplicate");
    case PushStatus::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

bool pushStatusFromName(const QString &name, PushStatus *out)
{
    for (PushStatus s : {PushStatus::Accepted, PushStatus::Duplicate, PushStatus::Rejected}) {
        if (pushStatusName(s) == name) {
            *out = s;
            return true;
        }
    }
    return false;
}

QByteArray bearer(const QString &counterId, const QString &secret)
{
    return "Bearer " + counterId.toUtf8() + '.' + secret.toUtf8();
}

}  // namespace motcua::sync
