"""The kit works under both numpy majors it supports (issue 18, item 7).

A build records its hidden answers with the numpy it runs under and pins that major
(autograder/versions.py), so each major is proven with its own build: the project's
environment holds one major (test_audit.py audits every catalogue under it), and here a fresh
environment holds the project, installed from this working tree, with the other major. There
each assignment is built and audited through the engine, and the build's student release and
autograder zip pin that other major.

The audit here grades the reference, the skeleton, every correct version (a correct answer must
not fail under either major) and one mistake of each graded function (each question still
loses points to one mistake): 109 of the catalogues' 264 entries, for a third of the time. The
whole catalogue under this major is `rnngrade audit` run in such an environment.
"""

import json
import os
import subprocess
import zipfile

import numpy
import pytest
import yaml

from autograder.assignment import ROOT
from autograder.build import DIST, autograder_zip_in
from autograder.versions import numpy_requirement
from tests import environments
from tests.conftest import ASSIGNMENTS, SEED

pytestmark = pytest.mark.slow  # a fresh environment, then one build and one audit batch a case

# The major the project's environment does not have.
OTHER = "numpy==1.26.*" if int(numpy.__version__.split(".")[0]) >= 2 else "numpy>=2,<3"

AUDIT = """
import json, sys
from pathlib import Path

import numpy

from autograder import assignment, audit

name, workdir, seed = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
chosen = assignment.load(name)
verdicts = audit.audit_assignment(chosen, workdir, seed=seed, listed=audit.one_mistake_per_function(chosen))
print(json.dumps({"numpy": numpy.__version__, "failed": [v.line() for v in verdicts if not v.ok],
                  "graded": len(verdicts)}))
"""


@pytest.fixture(scope="module")
def python(tmp_path_factory):
    """The interpreter of an environment with the project (editable: its assignments are read
    from this tree) and the other numpy major."""
    folder = tmp_path_factory.mktemp("other-numpy")
    engine = ("numpy", "matplotlib.pyplot", "IPython.core.inputtransformer2", "autograder.cli")
    return environments.create(folder / "venv", "-e", str(ROOT), OTHER, imports=engine)


@pytest.mark.parametrize("name", ASSIGNMENTS)
def test_the_catalogue_audits_clean_under_the_other_numpy_major_with_its_own_build(python, name, tmp_path):
    done = subprocess.run(
        [str(python), "-c", AUDIT, name, str(tmp_path), str(SEED)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": ""},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert numpy_requirement(result["numpy"]) != numpy_requirement(), result["numpy"]
    assert result["failed"] == [] and result["graded"] >= 10, "\n".join(result["failed"])

    pinned = numpy_requirement(result["numpy"])  # "numpy>=1.26,<2" under numpy 1.26
    student = (tmp_path / DIST / "student" / name / "requirements.txt").read_text(encoding="utf-8")
    assert pinned in student.splitlines()
    with zipfile.ZipFile(autograder_zip_in(tmp_path / DIST, name)) as archive:
        spec = yaml.safe_load(archive.read("environment.yml"))
    pip = next(d["pip"] for d in spec["dependencies"] if isinstance(d, dict))
    assert pinned in pip
