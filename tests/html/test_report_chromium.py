"""The HTML report in a real headless Chromium (Debian's `chromium` and `chromium-driver`).

Run through `tests/html/run.sh`, which installs the browser and selenium when missing, builds
the `flowdown` binary and calls pytest. The test makes a report from a contract whose evidence
carries `<script>` and `"><img onerror=…>`, loads it from a file, and checks: the statuses shown,
the hostile text shown as text and never run, no console errors, no request leaving the page,
the status and severity filters, and a screenshot kept in `tests/artifacts/report.png`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '"><img src=x onerror="window.__xss=2">'

CONTRACT = f"""SUPPLY AGREEMENT

1. Anti-Trafficking

1.1 The Supplier shall not engage in trafficking in persons or use forced labour. {XSS_SCRIPT} {XSS_IMG}

1.2 The Supplier should use reasonable endeavours to ensure that its first-tier sub-contractors
do not use forced labour.

2. Termination

2.1 The Buyer may terminate this Agreement for convenience on thirty days' notice.
"""

CLEAN = """SERVICES AGREEMENT

1. Scope

1.1 The Contractor shall clean the offices weekly.
"""


def flowdown_bin() -> str:
    env = os.environ.get("FLOWDOWN_BIN")
    if env:
        return env
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    candidate = target / "debug" / "flowdown"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("flowdown")
    if found:
        return found
    pytest.skip("no flowdown binary: build it with `cargo build -p flowdown-cli` or set FLOWDOWN_BIN")
    raise AssertionError  # unreachable


def find_chromium() -> tuple[str, str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or "/usr/lib/chromium/chromedriver"
    if not browser or not Path(driver).exists():
        pytest.skip("Debian chromium and chromium-driver are not installed (tests/html/run.sh installs them)")
    return browser, driver


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    work = tmp_path_factory.mktemp("html")
    (work / "contracts").mkdir()
    (work / "contracts" / "hostile.txt").write_text(CONTRACT, encoding="utf-8")
    (work / "contracts" / "clean.txt").write_text(CLEAN, encoding="utf-8")
    out = work / "report.html"
    args = [flowdown_bin(), "check", "--no-config", "contracts"]
    html = subprocess.run([*args, "--format", "html", "-o", str(out)], cwd=work, check=False)
    assert html.returncode == 1, "findings make the run fail"
    raw = subprocess.run([*args, "--format", "json"], cwd=work, capture_output=True, check=False)
    return out, json.loads(raw.stdout)


@pytest.fixture(scope="module")
def driver():
    browser, driver_path = find_chromium()
    opts = Options()
    opts.binary_location = browser
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1400,1600",
        "--hide-scrollbars",
    ):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)
    try:
        yield drv
    finally:
        drv.quit()


def requests_made(drv) -> list[str]:
    urls = []
    for entry in drv.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def test_report_in_chromium(report, driver) -> None:
    path, data = report
    driver.get(path.as_uri())

    # The statuses shown are those of the JSON report, per document and requirement.
    sections = driver.find_elements(By.CSS_SELECTOR, "section.document")
    assert len(sections) == len(data["documents"]) == 2
    for section, doc in zip(sections, data["documents"], strict=True):
        rows = section.find_elements(By.CSS_SELECTOR, "tr.req")
        shown = [(r.get_attribute("data-requirement"), r.get_attribute("data-status")) for r in rows]
        expected = [(r["id"], r["status"]) for r in doc["requirements"]]
        assert shown == expected
        for row, req in zip(rows, doc["requirements"], strict=True):
            assert row.find_element(By.CSS_SELECTOR, ".badge").text == req["status"]
    hostile = next(s for s in sections if "hostile" in s.get_attribute("data-path"))
    statuses = {r.get_attribute("data-requirement"): r.get_attribute("data-status")
                for r in hostile.find_elements(By.CSS_SELECTOR, "tr.req")}
    assert statuses["prohibition"] == "satisfied"
    assert statuses["funds-use"] == "missing"

    # The hostile text is shown as text, with its clause number, and never ran.
    pres = [p.text for p in hostile.find_elements(By.CSS_SELECTOR, ".evidence pre")]
    assert any(XSS_SCRIPT in t and XSS_IMG in t for t in pres), pres
    assert any("clause 1.1" in w.text for w in hostile.find_elements(By.CSS_SELECTOR, ".evidence .where"))
    assert driver.execute_script("return window.__xss === undefined")
    assert driver.find_elements(By.CSS_SELECTOR, "img") == []
    assert len(driver.find_elements(By.CSS_SELECTOR, "script")) == 1

    # No console errors, and nothing but the file itself was requested.
    severe = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert severe == []
    urls = requests_made(driver)
    assert urls, "the performance log records the page load"
    assert all(u.startswith(("file://", "data:")) for u in urls), urls

    # Screenshot of the unfiltered report.
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1400, min(max(int(height) + 40, 900), 6000))
    assert driver.save_screenshot(str(ARTIFACTS / "report.png"))

    # Filters: hide satisfied, then warnings; the counter follows.
    all_rows = driver.find_elements(By.CSS_SELECTOR, "tr.req")
    total = len(all_rows)
    driver.find_element(By.ID, "filter-status-satisfied").click()
    visible = [r for r in all_rows if r.is_displayed()]
    assert visible
    assert all(r.get_attribute("data-status") != "satisfied" for r in visible)
    hidden = [r for r in all_rows if not r.is_displayed()]
    assert all(r.get_attribute("data-status") == "satisfied" for r in hidden)
    assert driver.find_element(By.ID, "shown-count").text == f"{len(visible)} of {total} rows shown"
    driver.find_element(By.ID, "filter-severity-warning").click()
    visible = [r for r in all_rows if r.is_displayed()]
    assert all(r.get_attribute("data-severity") == "error" for r in visible)
    assert all(r.get_attribute("data-status") != "satisfied" for r in visible)
    # Back to everything.
    driver.find_element(By.ID, "filter-status-satisfied").click()
    driver.find_element(By.ID, "filter-severity-warning").click()
    assert all(r.is_displayed() for r in all_rows)

    # Still no console error after using the page.
    assert [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []
