"""rodtrad.writing is pure Python: it can run where Django is not set up (editors, other services)."""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from rodtrad.writing import check_goal, check_journal
findings = check_journal("Kalle var lat.") + check_goal("Kalle ska må bra.")
print(json.dumps({
    "django": sorted(name for name in sys.modules if name == "django" or name.startswith("django.")),
    "codes": [f.code for f in findings],
}))
"""


def test_importing_and_using_the_writing_assistant_loads_no_django_module():
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)},
    )
    report = json.loads(result.stdout)
    assert report["django"] == []
    assert "value_laden" in report["codes"]
    assert "goal_not_specific" in report["codes"]
