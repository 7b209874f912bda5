#include "app/cli/Cli.h"

namespace motcua::cli {

void registerDossierCommands(Registry &registry)
{
    Q_UNUSED(registry)
}

}  // namespace motcua::cli
