"""Every request gets an id: the proxy's (`X-Request-ID`, nginx's $request_id) when it sends a
sane one, else a new one. It is bound to every log line written while the request runs, answered
in the `X-Request-ID` header, and the request ends with one line: method, route, address without
its query string, status, time, the user's id and the server process's."""

import os
import re
import time
import uuid

import structlog

from .logs import get_logger

SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
log = get_logger("rodtrad.requests")


class RequestLog:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request.id = given if SANE_ID.match(given) else uuid.uuid4().hex
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request.id)
        started = time.perf_counter()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        match = getattr(request, "resolver_match", None)
        log.info(
            "request",
            method=request.method,
            route=match.view_name if match else None,
            path=request.path,
            status=response.status_code,
            ms=round((time.perf_counter() - started) * 1000, 1),
            user_id=user.pk if user is not None and user.is_authenticated else None,
            pid=os.getpid(),
        )
        response["X-Request-ID"] = request.id
        structlog.contextvars.clear_contextvars()
        return response
