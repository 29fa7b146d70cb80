"""chronicle's web view: browse a corpus store in a browser, and a REST API (``chronicle serve``)."""

from chronicle.web.app import create_app

__all__ = ["create_app"]
