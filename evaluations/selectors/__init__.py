"""Every queryset a page of the evaluations app shows, one module per concept.

`published_minutes()` is what the results page (reports.selectors.results_by_call) lists:
the draw protocols and commission minutes published for each call.
"""


def published_minutes(call=None) -> list:
    from .published import published_for_results

    return published_for_results(call)
