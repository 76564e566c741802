"""Errors: the exception hierarchy, FileNotFoundError, kinds and paths, panics."""

from __future__ import annotations

from pathlib import Path

import pytest

import flowdown
from conftest import MEMO
from flowdown import ConfigError, DeclarationError, FlowdownError, PackError, ReadError


def test_hierarchy() -> None:
    for cls in (ReadError, PackError, DeclarationError, ConfigError):
        assert issubclass(cls, FlowdownError)
    assert issubclass(FlowdownError, Exception)
    assert FlowdownError.__module__ == "flowdown.exceptions"
    import flowdown.exceptions

    assert flowdown.exceptions.PackError is PackError


def test_missing_file_is_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(FileNotFoundError) as info:
        flowdown.check(missing)
    assert info.value.filename == str(missing)
    assert info.value.errno == 2
    assert info.value.kind == "not-found"  # type: ignore[attr-defined]
    with pytest.raises(FileNotFoundError):
        flowdown.load_pack(tmp_path / "nope.toml")


def test_unreadable_file_is_read_error(tmp_path: Path) -> None:
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(600))
    with pytest.raises(ReadError, match="legacy") as info:
        flowdown.check(legacy)
    assert info.value.kind == "unsupported-format"
    assert info.value.path == str(legacy)
    # In a batch the same file is an entry, not an exception.
    report = flowdown.check_many([legacy], jobs=1)
    error = report.documents[0].error
    assert error is not None
    assert error.kind == "unsupported-format"


def test_bad_pack_is_pack_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\nversion = "1"\nno-such-key = true\n', encoding="utf-8")
    with pytest.raises(PackError, match="no-such-key") as info:
        flowdown.load_pack(bad)
    assert info.value.kind == "pack"
    assert info.value.path == str(bad)
    with pytest.raises(PackError):
        flowdown.check_text(MEMO, pack=bad)
    with pytest.raises(PackError, match="line"):
        flowdown.Pack.from_toml("id = [", name="inline.toml")


def test_bad_arguments() -> None:
    with pytest.raises(KeyError, match="Choose from"):
        flowdown.explain("no-such-requirement")
    with pytest.raises(ValueError, match="jobs"):
        flowdown.check_many([], jobs=0)
    with pytest.raises(TypeError):
        flowdown.check(42)  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        flowdown.check_text(MEMO).documents[0]["no-such-requirement"]
    with pytest.raises(IndexError):
        flowdown.check_text(MEMO)[1]


def test_non_compliance_is_a_result() -> None:
    report = flowdown.check_text(MEMO)
    assert not report.compliant


def test_a_panic_is_a_flowdown_error_not_a_crash() -> None:
    from flowdown._flowdown import _panic

    with pytest.raises(FlowdownError, match="internal error") as info:
        _panic()
    assert info.value.kind == "internal"
    # The interpreter and the engine still work afterwards.
    assert len(flowdown.check_text(MEMO).documents) == 1
