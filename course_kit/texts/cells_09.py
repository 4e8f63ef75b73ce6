"""Texts of the code cells of ``09-suitability-and-targets.ipynb`` (see the package docstring).

The cells only call the method's widgets and :func:`course_kit.method.cases.overview`,
whose texts are in ``course_kit/texts/method.py`` (domain ``method``) and the
case files' catalogs (``datasets/method_cases``); nothing of their own is printed.
"""

EN: dict[str, str] = {}
