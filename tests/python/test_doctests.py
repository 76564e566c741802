"""Runs the doctests of the extension module's docstrings (the Python modules' doctests run
through ``--doctest-modules``)."""

from __future__ import annotations

import doctest

import flowdown._flowdown


def test_extension_doctests() -> None:
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    tests = finder.find(flowdown._flowdown, "flowdown._flowdown")
    examples = sum(len(t.examples) for t in tests)
    assert examples >= 10, f"only {examples} doctest examples found"
    for test in tests:
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0
