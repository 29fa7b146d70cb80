"""chronicle's spaCy components. Importing this package registers their factories.

Each component lives in its own module and is registered by name, so a spaCy
user can ``nlp.add_pipe("chronicle_actors")`` after ``import chronicle.nlp``.
"""

from chronicle.nlp import extensions  # noqa: F401  (registers Doc attributes)
from chronicle.nlp import actors  # noqa: F401

# Components in the order they run: later ones read what earlier ones wrote.
COMPONENT_ORDER = ("chronicle_actors", "chronicle_dates", "chronicle_quotes", "chronicle_events")

for _module in ("dates", "quotes", "events"):
    try:
        __import__(f"chronicle.nlp.{_module}")
    except ModuleNotFoundError as exc:  # a component not built yet
        if exc.name != f"chronicle.nlp.{_module}":
            raise
