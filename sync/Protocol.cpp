#include "sync/Protocol.h"

namespace motcua::sync {

QString apiPrefix()
{
    return QStringLiteral("/v%1").arg(kProtocolVersion);
}

}  // namespace motcua::sync
