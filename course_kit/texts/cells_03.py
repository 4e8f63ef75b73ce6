"""Texts of the code cells of ``03-the-vipp-sd-programme.ipynb`` (see the package docstring)."""

EN: dict[str, str] = {
    "cells_03.ready": "Ready.",
    "cells_03.themes_count": "{months} months: {n} themes and topics",
}
