"""Where the kit's own notebooks and datasets are, installed or in a checkout.

Also the name of a workspace's manifest, which the workspace writes and the
language settings read.

A normal install (``pip install .`` or a wheel) has them inside the package, in
``course_kit/_bundled/`` (``setup.py`` copies them there); an editable install
(``pip install -e .``) reads the repository's top-level ``notebooks/`` and
``datasets/`` folders. Standard library only, so every layer may ask.

Examples
--------
>>> from course_kit._paths import shipped
>>> shipped("notebooks").name
'notebooks'
"""

from __future__ import annotations

import functools
from pathlib import Path

__all__ = ["MANIFEST", "PACKAGE_DIR", "shipped"]

#: The file in which a participant's workspace records its notebooks and language
#: (written by :mod:`course_kit.workspace`, read by :mod:`course_kit.i18n`).
MANIFEST = ".course-kit.json"

#: The folder of the ``course_kit`` package.
PACKAGE_DIR = Path(__file__).resolve().parent


@functools.cache  # a wheel's bundled folders do not come or go while the kit runs
def shipped(folder: str) -> Path:
    """The kit's own copy of ``folder`` (``"notebooks"`` or ``"datasets"``).

    Parameters
    ----------
    folder : str
        A top-level folder of the repository that ``setup.py`` bundles.

    Returns
    -------
    Path
        ``course_kit/_bundled/<folder>`` when it exists (an installed wheel),
        else the repository's ``<folder>`` next to the package. The folder is
        not checked further: callers say what is missing in their own words.
    """
    bundled = PACKAGE_DIR / "_bundled" / folder
    return bundled if bundled.is_dir() else PACKAGE_DIR.parent / folder
