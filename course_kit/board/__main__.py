"""``python -m course_kit.board``: run the class board (the hub starts it)."""

from course_kit.board.service import main

main()
