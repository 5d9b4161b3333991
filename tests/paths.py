"""Where the test suite's own files and the shared material are."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
DATA = TESTS / "data"
SHARED = ROOT.parent / "shared"
