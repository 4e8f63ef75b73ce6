"""Texts of the code cells of ``00-start-here.ipynb`` (see the package docstring)."""

EN: dict[str, str] = {}
