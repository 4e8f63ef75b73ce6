"""Message tables by area, beside the core catalog in :mod:`course_kit.messages`.

Each module holds a dict ``EN`` of English texts whose keys start with the
module's name, and is its own translation domain: ``cells_07.py`` is translated
in ``course_kit/locale/<lang>/cells_07.po``. :mod:`course_kit.messages` merges
every module here, so code asks for all of them with ``messages.text(key)``.

* ``cells_NN.py``: what the code cells of notebook ``NN-...ipynb`` print, label
  or plot. A code cell is the same in every edition (English, Swedish,
  Norwegian), so it never holds participant-facing English: it asks for its
  texts by key, e.g. ``ck.say("cells_NN.<name>", total=110)`` or
  ``ax.set_xlabel(ck.text("cells_NN.<name>"))``.
* ``method*.py``: the method notebooks' content (``method`` for notebooks 09, 10
  and 12, ``method_programme`` 03, ``method_scenes`` 04, ``method_social`` 02);
  their keys keep the prefixes they had (``method.``, ``programme.``,
  ``exercises.<name>.``, ...), so ``course_kit.method.catalogs`` reads them back.
* other modules: an area of the kit whose texts were once written into its code
  (result summaries, plot labels, ...).

See CONTRIBUTING.md ("Translations").
"""
