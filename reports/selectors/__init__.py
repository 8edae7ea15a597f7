"""What the public reads on the results page: reports sits above grants and evaluations, so it reads both."""

from appeals.selectors import counts_by_call
from evaluations.selectors import published_minutes
from grants.screening.selectors import published_conclusions


def results_by_call() -> list[dict]:
    """Published result documents grouped by call, newest first: screening conclusions, then the draw
    protocols and commission minutes of expert evaluation."""
    groups: dict[int, dict] = {}
    for conclusion in published_conclusions():
        group = groups.setdefault(conclusion.call_id, {"call": conclusion.call, "documents": [], "latest": None})
        group["documents"].append({"kind": "screening", "object": conclusion, "published_at": conclusion.published_at})
    for document in published_minutes():
        group = groups.setdefault(document.call_id, {"call": document.call, "documents": [], "latest": None})
        group["documents"].append({"kind": "minutes", "object": document, "published_at": document.published_at})
    appeals = counts_by_call(groups)
    for call_id, group in groups.items():
        group["appeals"] = appeals.get(call_id)
        group["documents"].sort(key=lambda d: d["published_at"])
        group["latest"] = group["documents"][-1]["published_at"]
    return sorted(groups.values(), key=lambda g: g["latest"], reverse=True)
