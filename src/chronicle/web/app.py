"""The chronicle web view: ``create_app(db_path)`` → a FastAPI app over a store, read-only.

Pages (server-side Jinja2 templates, autoescaped) and a JSON API under
``/api/`` with OpenAPI docs at ``/docs``. Run it with ``chronicle serve``.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote, urlsplit

import duckdb
import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from chronicle.errors import CorpusError
from chronicle.web.api import router as api_router
from chronicle.web.deps import ReadConnections
from chronicle.web.downloads import router as downloads_router
from chronicle.web.pages import router as pages_router

HERE = Path(__file__).resolve().parent
SWAGGER = "/static/vendor/swagger-ui-dist-5.35.0"  # vendored from npm; /docs loads nothing from a CDN


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every value from the store is escaped, in every template
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # an id as one URL path segment: "/", "?", "#", "%" and ".." never change where a link goes
    env.filters["segment"] = lambda s: quote(str(s), safe="")
    env.filters["day"] = lambda d: d.isoformat() if d else "undated"
    env.filters["weblink"] = weblink
    env.filters["clip"] = lambda s, n=240: (s if len(s or "") <= n else s[: n - 1] + "…") if s else ""
    return Jinja2Templates(env=env)


def weblink(value: object) -> str | None:
    """``value`` when it is an http(s) URL a page may link to (never ``javascript:`` or a file path), else None."""
    text = str(value or "").strip()
    parts = urlsplit(text)
    return text if parts.scheme in ("http", "https") and parts.netloc and not any(c.isspace() for c in text) else None


def _messages(exc: RequestValidationError) -> list[str]:
    out = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
        out.append(f"{where}: {err.get('msg', 'invalid value')}" if where else err.get("msg", "invalid value"))
    return out


# Every response says what the browser may do with it: scripts, styles, images and fonts from
# this server only (no CDN, no inline script or style), no framing, no MIME sniffing.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


class Hardening:
    """ASGI middleware: the security headers on every response, and HEAD answered as GET without a body."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_hardened(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_hardened)


DOCS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>chronicle API</title><link rel="stylesheet" href="{swagger}/swagger-ui.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"></head>
<body><div id="swagger-ui"></div>
<script src="{swagger}/swagger-ui-bundle.js"></script><script src="/static/docs.js"></script></body></html>
"""


def create_app(db_path: str | Path) -> FastAPI:
    """The web app over the store at ``db_path`` (opened read-only; it must exist)."""
    store = ReadConnections(str(db_path))

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()

    app = FastAPI(
        title="chronicle",
        summary="Actors, quotes, PLOVER events and dates from news articles, each tied to its evidence.",
        version="1",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/api"

    def error_page(request: Request, status: int, title: str, messages: list[str]):
        return app.state.templates.TemplateResponse(
            request, "error.html", {"status": status, "title": title, "messages": messages}, status_code=status
        )

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        messages = _messages(exc)
        if is_api(request):
            return JSONResponse({"detail": messages}, status_code=422)
        return error_page(request, 422, "Bad request", messages)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if is_api(request):
            return JSONResponse({"detail": [detail]}, status_code=exc.status_code)
        title = {404: "Not found", 422: "Bad request"}.get(exc.status_code, "Error")
        return error_page(request, exc.status_code, title, [detail])

    @app.exception_handler(CorpusError)
    async def store_busy(request: Request, exc: CorpusError):
        # the store stayed locked (an ingest writing a long batch) or went away: try again shortly
        message = f"the store cannot be read just now ({exc.reason}); try again shortly"
        if is_api(request):
            return JSONResponse({"detail": [message]}, status_code=503, headers={"Retry-After": "2"})
        page = error_page(request, 503, "Store busy", [message])
        page.headers["Retry-After"] = "2"
        return page

    @app.exception_handler(duckdb.Error)
    async def store_error(request: Request, exc: duckdb.Error):
        message = "the store could not answer this request"
        if is_api(request):
            return JSONResponse({"detail": [message]}, status_code=503)
        return error_page(request, 503, "Store error", [message])

    @app.get("/docs", include_in_schema=False)
    async def docs():
        # Swagger UI from the vendored files, started by /static/docs.js (the CSP allows no inline script)
        return HTMLResponse(DOCS_PAGE.format(swagger=SWAGGER))

    app.include_router(api_router)
    app.include_router(downloads_router)
    app.include_router(pages_router)
    app.add_middleware(Hardening)
    return app
