"""Every queryset a page of the evaluations app shows, one module per concept.

`published_minutes()` is the hook the results page (grants.screening.selectors.results_by_call) looks for:
the draw protocols and commission minutes published for each call.
"""


def published_minutes(call=None) -> list:
    from .published import published_for_results

    return published_for_results(call)
