"""No page or data text repeats a source document word for word (../shared/tools/seedcopy.py).

The source documents and the checking tool live beside the project, in ../shared, where the handbook is
written; a copy of the project without them skips this test.
"""

import subprocess
import sys

import pytest

from tests.sitetools import ROOT

SEEDCOPY = ROOT.parent / "shared" / "tools" / "seedcopy.py"


@pytest.mark.parametrize("folder", ["docs", "data"])
def test_nothing_is_copied_from_the_sources(folder):
    if not SEEDCOPY.is_file():
        pytest.skip(f"{SEEDCOPY} is not here (the sources are kept beside the project where it is written)")
    result = subprocess.run([sys.executable, str(SEEDCOPY), folder], cwd=ROOT, capture_output=True, text=True,
                            check=False, timeout=600)
    assert result.returncode == 0, f"passages of {folder}/ copied from the sources (rewrite them):\n" + result.stdout[-4000:]
