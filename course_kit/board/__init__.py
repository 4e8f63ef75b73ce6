"""The class board: the instructor sees how the class answered, live, on a course day.

* :mod:`course_kit.board.service` -- the JupyterHub service (tornado, hub OAuth);
* :mod:`course_kit.board.store` -- where answers are kept (SQLAlchemy);
* :mod:`course_kit.board.answers` -- the closed forms of answers it accepts (the old
  path of :mod:`course_kit.teaching.board_answers`);
* :mod:`course_kit.board.client` -- sending a checked answer from a notebook (the
  old path of :mod:`course_kit._board_client` and
  :func:`course_kit.teaching.board_answers.hand_over`, which the exercises use).

The service needs JupyterHub (it runs next to the hub); the client only the
standard library. See docs/hosting.md ("The class board") for instructors.
"""
