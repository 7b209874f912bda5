#include "app/cli/Cli.h"

namespace motcua::cli {

void registerCatalogCommands(Registry &registry)
{
    Q_UNUSED(registry)
}

}  // namespace motcua::cli
