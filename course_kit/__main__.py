"""Command line: ``python -m course_kit`` (also installed as ``course-kit``).

Sub-commands
------------
figures    rebuild every forest and funnel plot and the summary table
workspace  make, update or reset a participant's own copy of the notebooks
check      check that the environment works (what 00-start-here does)
lab-language  JupyterLab's menus in the course's language (Norwegian; no Swedish pack exists)
"""

from __future__ import annotations

import argparse
import importlib
import sys

# sub-command -> module with ``add_arguments(parser)`` and ``run(args) -> int``
_COMMANDS = {
    "figures": ("course_kit.figures", "rebuild every figure the course shows"),
    "workspace": ("course_kit.workspace", "your own copy of the course notebooks"),
    "check": ("course_kit.environment", "check that the course environment works"),
    "lab-language": ("course_kit.editions", "JupyterLab's menus in the course's language"),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="course-kit", description="VIPP-SD course kit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name, (module_name, help_text) in _COMMANDS.items():
        sp = sub.add_parser(name, help=help_text)
        sp.set_defaults(_module=module_name)
        # Sub-parsers are filled in by their module, imported only when asked for.
        if name in (sys.argv[1:2] if argv is None else argv[:1]):
            importlib.import_module(module_name).add_arguments(sp)
    args = parser.parse_args(argv)
    return int(importlib.import_module(args._module).run(args) or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
