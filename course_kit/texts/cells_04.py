"""Texts of the code cells of ``04-observing-interaction.ipynb`` (see the package docstring)."""

EN: dict[str, str] = {
    "cells_04.ready": "Ready.",
    "cells_04.scene_count": "{scenes} scenes written for the course kit, {events} events",
    "cells_04.ages": "ages {low} to {high} months; {limit} with limit setting",
}
