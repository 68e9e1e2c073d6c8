from __future__ import annotations

import pytest

from hub.dev.lighthouse import CATEGORIES, parse_report


def report(performance: float | None) -> dict:
    scores = {"performance": performance, "accessibility": 1, "best-practices": 1, "seo": 0.92}
    audits = {
        "cumulative-layout-shift": {"numericValue": 0.0},
        "total-blocking-time": {"numericValue": 80.0},
        "largest-contentful-paint": {"numericValue": 1500.0},
        "meta-description": {"score": 0},
    }
    categories = {name: {"score": scores[name], "auditRefs": []} for name in CATEGORIES}
    categories["seo"]["auditRefs"] = [{"id": "meta-description", "weight": 1}]
    return {"categories": categories, "audits": audits}


def test_a_report_gives_scores_metrics_and_failing_audits() -> None:
    parsed = parse_report("u", report(0.98))
    assert parsed.scores == {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 92}
    assert (parsed.cls, parsed.tbt_ms, parsed.lcp_ms) == (0.0, 80.0, 1500.0)
    assert parsed.failing == ("meta-description",)


def test_a_run_without_a_performance_score_is_an_error_to_run_again() -> None:
    with pytest.raises(RuntimeError, match="no score for performance"):
        parse_report("u", report(None))
