"""Texts of the code cells of ``12-the-practice-period.ipynb`` (see the package docstring)."""

EN: dict[str, str] = {
    "cells_12.seconds": "{stamp:>8} -> {seconds} seconds",
}
