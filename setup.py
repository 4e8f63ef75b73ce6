"""Build step that puts the course notebooks and datasets inside the wheel.

They live at the top of the repository (``notebooks/``, ``datasets/``), where
instructors, reviewers and the tests expect them. A normal install
(``pip install .`` or a wheel) copies them into ``course_kit/_bundled/`` so
that ``datasets.load()`` and ``course-kit workspace init`` work without the
repository. Everything else is configured in pyproject.toml; setuptools has no
setting there that maps a top-level folder into a package found with
``packages.find``, hence this small command. Editable installs
(``pip install -e .``) read the repository folders directly.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
BUNDLED = {"notebooks": "course_kit/_bundled/notebooks", "datasets": "course_kit/_bundled/datasets"}
SKIP = {"__pycache__", ".ipynb_checkpoints"}


class BuildPyWithCourseFiles(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for src_name, dst_name in BUNDLED.items():
            src = ROOT / src_name
            for path in sorted(src.rglob("*")):
                rel = path.relative_to(src)
                if not path.is_file() or any(p in SKIP or p.startswith(".") for p in rel.parts):
                    continue
                if path.suffix in {".pyc", ".tmp"}:
                    continue
                dst = Path(self.build_lib) / dst_name / rel
                self.mkpath(str(dst.parent))
                self.copy_file(str(path), str(dst))


setup(cmdclass={"build_py": BuildPyWithCourseFiles})
