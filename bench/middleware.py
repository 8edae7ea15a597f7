import time

from django.db import connection


def measure(get_response):
    """X-Queries and X-Server-Ms on every response: the bench reads them instead of guessing."""

    def middleware(request):
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        with connection.execute_wrapper(count):
            response = get_response(request)
        response["X-Queries"] = str(queries)
        response["X-Server-Ms"] = f"{(time.perf_counter() - started) * 1000:.2f}"
        return response

    return middleware
