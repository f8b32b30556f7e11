"""Cookies marked Secure exactly when the request came over TLS.

An instance served on http://127.0.0.1:8000, or on a unit's own network without TLS, needs
ordinary cookies: a browser keeps a Secure cookie only from an https:// address (some make an
exception for localhost, a plain HTTP client does not), so signing in would fail. Behind a TLS
proxy the same cookies must be Secure, so that they never travel unencrypted. Django's
SESSION_COOKIE_SECURE and CSRF_COOKIE_SECURE are one value for all requests; this middleware,
first in MIDDLEWARE so that it sees the cookies every other one set, decides per request.
request.is_secure() is true when gunicorn trusts the proxy's X-Forwarded-Proto
(gunicorn.conf.py, forwarded_allow_ips)."""


def middleware(get_response):
    def mark_secure_over_tls(request):
        response = get_response(request)
        if request.is_secure():
            for morsel in response.cookies.values():
                morsel["secure"] = True
        return response

    return mark_secure_over_tls
