"""Words of the course map (:mod:`course_kit.course`), translated as the domain ``course``.

The English words are kept where the map is maintained, in ``course_kit/course.py``
(:data:`course_kit.course.WORDS`: the days, notebook titles, objectives, learning
objectives and section titles, and the words around them); this module registers
them as a catalog, so that the course map reads in the participant's language
wherever it is shown: ``ck.course.course_map()`` in ``00-start-here``, the review
status table, and ``notebooks/index.ipynb``, whose Swedish and Norwegian text
``scripts/make_index.py`` writes from this catalog (one translation of each word,
not one in the course map and another in the index).
"""

from __future__ import annotations

from course_kit.course import WORDS as EN

__all__ = ["EN"]
