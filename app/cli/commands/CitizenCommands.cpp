#include "app/cli/Cli.h"

namespace motcua::cli {

void registerCitizenCommands(Registry &registry)
{
    Q_UNUSED(registry)
}

}  // namespace motcua::cli
