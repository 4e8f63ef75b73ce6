"""Texts of the code cells of ``11-evidence-to-practice.ipynb`` (see the package docstring)."""

EN: dict[str, str] = {
    "cells_11.table_counts": "{n} results from {sources} sources; {graded} have a GRADE rating.",
}
