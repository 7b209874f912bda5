#include "app/cli/Cli.h"

namespace motcua::cli {

void registerCalendarCommands(Registry &registry)
{
    Q_UNUSED(registry)
}

}  // namespace motcua::cli
