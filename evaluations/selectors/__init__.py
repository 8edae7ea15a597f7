"""Every queryset a page of the evaluations app shows, one module per concept."""
