"""A small OpenID Connect provider for the tests, served on the loopback: the real counterpart
that Rödtråd's sign-in talks HTTP to, not a mock of the library.

It publishes a discovery document and its signing keys (jwks_uri), shows a sign-in form at its
authorization endpoint, and issues RS256-signed ID tokens at its token endpoint after checking
the client's secret, the redirect URI and the PKCE verifier (S256; a request without a challenge
is refused). It has a userinfo endpoint and an end_session_endpoint that sends the browser back.
Switches let a test make it misbehave: sign with a key it does not publish, issue tokens for
another audience or already expired, or assert another acr.

Run it on its own for trying `make run` by hand:

    .venv/bin/python -m tests.oidc_provider --port 8181 --users personal,kontaktman,okand
"""

import argparse
import base64
import contextlib
import hashlib
import html
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

CLIENT_ID = "rodtrad-test"
CLIENT_SECRET = "provider-test-secret-not-for-production"
LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3"


class _Quiet(WSGIRequestHandler):
    def log_message(self, format, *args):  # the test output stays readable
        pass


class _ThreadedServer(WSGIServer):
    """One thread per request: the token request arrives while the browser's request waits."""

    daemon_threads = True

    def process_request(self, request, client_address):
        thread = threading.Thread(target=self._handle, args=(request, client_address), daemon=True)
        thread.start()

    def _handle(self, request, client_address):
        try:
            self.finish_request(request, client_address)
        finally:
            self.shutdown_request(request)


@dataclass
class Provider:
    users: dict  # user name at the provider → its claims (given_name, family_name, email)
    port: int = 0
    client_id: str = CLIENT_ID
    client_secret: str = CLIENT_SECRET
    acr: str = LOA3
    # Misbehaviour a test can switch on.
    sign_with_unpublished_key: bool = False
    audience: str = ""  # "" → the client id
    lifetime: int = 300
    with_end_session: bool = True
    replace_nonce: str = ""  # "" → the nonce the client sent
    # What happened, for the tests to look at.
    token_requests: list = field(default_factory=list)
    authorization_requests: list = field(default_factory=list)
    end_sessions: list = field(default_factory=list)

    def __post_init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.unpublished_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_hex(8)
        self._codes = {}
        self._access_tokens = {}
        self._server = make_server("127.0.0.1", self.port, self.app, server_class=_ThreadedServer, handler_class=_Quiet)
        self.port = self._server.server_port
        self.issuer = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    # --- protocol ---

    def discovery(self):
        document = {
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "userinfo_endpoint": f"{self.issuer}/userinfo",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
        }
        if self.with_end_session:
            document["end_session_endpoint"] = f"{self.issuer}/logout"
        return document

    def jwks(self):
        public = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": self.kid, "use": "sig", "alg": "RS256"}]}

    def id_token(self, username, nonce):
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "sub": hashlib.sha256(username.encode()).hexdigest()[:24],
            "aud": self.audience or self.client_id,
            "iat": now,
            "exp": now + self.lifetime,
            "auth_time": now,
            "nonce": self.replace_nonce or nonce,
            "acr": self.acr,
            "preferred_username": username,
            **self.users[username],
        }
        key = self.unpublished_key if self.sign_with_unpublished_key else self.key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": self.kid})

    # --- the WSGI application ---

    def app(self, environ, start_response):
        method, path = environ["REQUEST_METHOD"], environ["PATH_INFO"]
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        form = {}
        if method == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            form = {k: v[0] for k, v in parse_qs(environ["wsgi.input"].read(length).decode()).items()}
        routes = {
            ("GET", "/.well-known/openid-configuration"): lambda: self._json(self.discovery()),
            ("GET", "/jwks"): lambda: self._json(self.jwks()),
            ("GET", "/authorize"): lambda: self._authorize_form(query),
            ("POST", "/authorize"): lambda: self._authorize(form),
            ("POST", "/token"): lambda: self._token(environ, form),
            ("GET", "/userinfo"): lambda: self._userinfo(environ),
            ("GET", "/logout"): lambda: self._logout(query),
        }
        handler = routes.get((method, path))
        status, headers, body = handler() if handler else ("404 Not Found", [], b"not found")
        start_response(status, headers)
        return [body]

    @staticmethod
    def _json(data, status="200 OK"):
        return status, [("Content-Type", "application/json")], json.dumps(data).encode()

    @staticmethod
    def _page(text, status="200 OK"):
        return status, [("Content-Type", "text/html; charset=utf-8")], text.encode()

    def _authorize_form(self, query):
        self.authorization_requests.append(query)
        problems = []
        if query.get("client_id") != self.client_id:
            problems.append("unknown client")
        if query.get("response_type") != "code":
            problems.append("only the code flow")
        if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
            problems.append("PKCE (S256) is required")
        if "openid" not in query.get("scope", "").split():
            problems.append("scope openid is required")
        if problems:
            return self._page(f"<p>Refused: {html.escape(', '.join(problems))}</p>", "400 Bad Request")
        hidden = "".join(
            f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">' for k, v in query.items()
        )
        return self._page(
            '<!doctype html><html lang="sv"><head><title>Testleverantören</title></head><body><main>'
            "<h1>Testleverantörens inloggning</h1>"
            f'<form method="post" action="/authorize">{hidden}'
            '<label for="username">Användare hos leverantören</label> <input id="username" name="username">'
            ' <button type="submit">Logga in hos leverantören</button></form></main></body></html>'
        )

    def _authorize(self, form):
        username = form.get("username", "")
        if username not in self.users:
            return self._page("<p>Okänd användare hos leverantören</p>", "403 Forbidden")
        code = secrets.token_urlsafe(24)
        self._codes[code] = {**form, "issued": time.time()}
        location = f"{form['redirect_uri']}?{urlencode({'code': code, 'state': form['state']})}"
        return "302 Found", [("Location", location)], b""

    def _client_authenticated(self, environ, form):
        header = environ.get("HTTP_AUTHORIZATION", "")
        if header.startswith("Basic "):
            client_id, _sep, secret = base64.b64decode(header[6:]).decode().partition(":")
        else:
            client_id, secret = form.get("client_id"), form.get("client_secret")
        return client_id == self.client_id and secrets.compare_digest(secret or "", self.client_secret)

    def _token(self, environ, form):
        self.token_requests.append(form)
        if not self._client_authenticated(environ, form):
            return self._json({"error": "invalid_client"}, "401 Unauthorized")
        grant = self._codes.pop(form.get("code", ""), None)  # a code is good once
        if grant is None or form.get("grant_type") != "authorization_code":
            return self._json({"error": "invalid_grant"}, "400 Bad Request")
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return self._json({"error": "invalid_grant", "error_description": "redirect_uri"}, "400 Bad Request")
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if not verifier or challenge != grant["code_challenge"]:
            return self._json({"error": "invalid_grant", "error_description": "PKCE"}, "400 Bad Request")
        access_token = secrets.token_urlsafe(24)
        self._access_tokens[access_token] = grant["username"]
        return self._json(
            {
                "access_token": access_token,
                "token_type": "Bearer",
                "expires_in": self.lifetime,
                "id_token": self.id_token(grant["username"], grant.get("nonce", "")),
            }
        )

    def _userinfo(self, environ):
        token = environ.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ")
        username = self._access_tokens.get(token)
        if username is None:
            return self._json({"error": "invalid_token"}, "401 Unauthorized")
        sub = hashlib.sha256(username.encode()).hexdigest()[:24]
        return self._json({"sub": sub, "preferred_username": username, **self.users[username]})

    def _logout(self, query):
        self.end_sessions.append(query)
        return "302 Found", [("Location", query.get("post_logout_redirect_uri", "/"))], b""


def main():
    parser = argparse.ArgumentParser(description="The tests' OpenID Connect provider, on 127.0.0.1.")
    parser.add_argument("--port", type=int, default=8181)
    parser.add_argument("--users", default="personal,kontaktman,chef,okand")
    arguments = parser.parse_args()
    users = {name: {"given_name": name.capitalize(), "family_name": "Test"} for name in arguments.users.split(",")}
    with Provider(users=users, port=arguments.port) as provider:
        print(f"RODTRAD_OIDC_ISSUER={provider.issuer}")
        print(f"RODTRAD_OIDC_CLIENT_ID={provider.client_id}")
        print(f"RODTRAD_OIDC_CLIENT_SECRET={provider.client_secret}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
