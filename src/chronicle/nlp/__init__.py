"""chronicle's spaCy components. Importing this package registers their factories.

Each component lives in its own module and is registered by name, so a spaCy
user can ``nlp.add_pipe("chronicle_actors")`` after ``import chronicle.nlp``
(or without the import: the factories are also declared as spaCy entry points).
"""

from chronicle.nlp import extensions  # noqa: F401  (registers Doc attributes)
from chronicle.nlp import actors, dates, events, paragraphs, places, positions, quotes  # noqa: F401  (register factories)

# Components in the order they run: later ones read what earlier ones wrote.
COMPONENT_ORDER = ("chronicle_actors", "chronicle_dates", "chronicle_quotes", "chronicle_events",
                   "chronicle_places", "chronicle_positions")
