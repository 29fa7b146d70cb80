"""The DuckDB schema of a chronicle corpus.

One file holds every table. Offsets (``*_start``/``*_end``) are character
offsets into ``articles.text``, so ``substr(text, start + 1, end - start)``
shows any record's evidence.

- ``articles``: one row per article (``id`` = given id, else a hash of the
  normalised text), its text and which pipeline extracted it.
- ``actors``: one row per actor across the corpus. A person or organisation is
  resolved across articles by :mod:`chronicle.store.identity` (``n_person`` /
  ``n_organisation`` are the articles' votes on its kind; ``external_id`` and
  ``name_fixed`` are an analyst's); a country, place or group is its normalised
  name + kind + country. ``id`` never changes once given.
- ``actor_names``: every name key (:mod:`chronicle.store.names`) a person or
  organisation is known by, how often it was written, and a written form.
- ``actor_merges``: ids merged into another actor, so old links still resolve.
- ``article_actors``: an actor as it appears in one article (its article-local
  id, the name used there, role and affiliation).
  A place or country carries where it is (``geo_*``, ``feature``, ``admin1``,
  ``latitude``/``longitude``, ``geo_precision``, ``geonames_id``; version 4).
- ``mentions``: one row per actor mention (span) in an article.
- ``quotes``, ``events``, ``dates``: one row per record, keyed by
  ``(article_id, id)``; actor references hold corpus-wide actor ids. An event's
  location (version 4) is its place actor, the rule that found it, and that
  place's name, country, admin1, coordinates and precision, copied for filters
  and exports.
- ``article_versions``: the earlier texts of an article whose id came again
  with a changed text (a corrected story): ``articles`` holds the newest
  version (``version``, ``text_hash``), and every record points at its text.
- ``article_words`` (version 7): the distinct words of each article's title and text
  (:mod:`chronicle.store.words`), the index that search looks words up in.
- Version 7 also keeps each actor's counts on its row (``n_articles``, ``n_mentions``,
  ``n_quotes``, ``n_events``; :mod:`chronicle.store.stats`), an event's sentence on the
  event's row (``events.sentence``), so pages never cut it from the article's text, and the
  days quotes and events are dated by (``quotes.day``: the article's publication date;
  ``events.day``/``last_day``: :data:`chronicle.store.query.DAY_OF_EVENT`), so lists and
  timelines filter and sort without joining the articles.
);
- ``positions`` (version 8): one row per stated negotiating position (``kind``: demand,
  condition, offer, ...), keyed by ``(article_id, id)``. Its holders, speakers and targets are
  article-local actor ids (``*_local_ids``), joined to ``article_actors`` for the corpus-wide
  actor (so merging or splitting actors never leaves a position behind); ``topic_key`` joins
  topics that mean the same thing; ``quote_id``/``event_id`` are the quote that carries it and
  the event it is, and ``quotes.position_ids``/``events.position_ids`` point back.
- ``mediations`` (version 8): actors acting between parties, with the sentence that says so.
- ``actor_records`` (version 9): one row per actor and quote (as its speaker) or event (as its
  source or target), with the record's days, type and status, and who was on an event's other
  side (``others``); per actor and article (its role, affiliation, names written and mentions);
  per actor and quote that names others or that names the actor: the per-actor index
  (:mod:`chronicle.store.byactor`). It is kept sorted by actor and day up to the rows appended
  since, so DuckDB's zonemaps skip the row groups of other actors; ``meta`` holds how many rows
  are sorted (``sorted:actor_records``).
- Version 11: the word index keyed by article number and kept sorted by word (``article_numbers``,
  ``word_articles``: :mod:`chronicle.store.words`; it replaces ``article_words``), and the per-actor
  tallies the actor page shows (``actor_tallies``: roles, aliases, whom a quote names, who is on an
  event's other side, counted at ingest; :mod:`chronicle.store.byactor`).
- Version 12: each speaker's quotes tallied by the text naming the speaker and the quote's
  speakers (``actor_tallies`` kind ``said``), so a speaker filter's quotes are counted from a few
  tally rows.
- Version 13: how many (day, article) pairs each actor (or speaker text) has per role and month
  (``actor_tallies`` kind ``days``), so a page of an actor's newest or oldest records reads only
  the row groups of the days that hold it.
- Version 14: the tables of an article's records (``CHILD_TABLES``: its actors, mentions, quotes,
  events, dates, positions, mediations) keep no primary key. DuckDB kept each key as an ART index
  that no query used (a lookup by ``article_id`` is a scan either way, pruned by zonemaps) and
  that took more room than the rows (5.8 KB per article of a 10k store of 18); the writer and the
  loader delete an article's rows before they store it again, so no key is ever repeated. The names index
  (``actor_words``, by word, and ``actor_vocab``, its words: :mod:`chronicle.store.actorwords`):
  each actor's words with what a list of actors shows, so a name part is matched among its
  words' rows, not over every actor.
- Version 15: a country is one actor per ISO code (extraction shows it by one name). An older
  store's country actors of one code are joined into one (:mod:`chronicle.store.countries`): the
  upgrade marks them (meta ``countries_pending``), and ``chronicle.Corpus``, which knows the names
  extraction gives countries, joins them when it next opens the store for writing.
- Version 16: each name's first word (``actor_names.first_word``: folded, a leading "the" left
  out, '' for a name of one word; :func:`chronicle.store.identity.first_word_sql`), stored with
  the name, so a run's end finds the bearers of its first names without folding every name of the
  store. An older store's names get theirs on the upgrade.
- ``errors``: inputs that could not become records, keyed by ``origin``
  (a path, ``path:LINE`` for JSONL, ``path#RECORD-ID`` for WARC).
- ``fetches`` (version 6): what fetching feeds and pages left (:mod:`chronicle.readers.web`),
  one row per normalised URL: its ``ETag``/``Last-Modified`` for the next conditional GET,
  the last HTTP status, the page's canonical URL and the article read from it.
- ``meta``: ``schema_version`` and other facts about the store.
"""

from __future__ import annotations

from chronicle.store.db import duckdb

from chronicle.errors import SchemaError
from chronicle.store import actorwords, byactor, words

# Bump when a table changes; Store refuses files written by a newer chronicle.
STORE_SCHEMA_VERSION = 16

# The tables of an article's records, keyed by (article_id, id) or (article_id, local_id[, n]) but
# with no PRIMARY KEY since version 14 (see the module doc).
CHILD_TABLES = ("article_actors", "mentions", "quotes", "events", "dates", "positions", "mediations")

TABLES = ("articles", "actors", "article_actors", "mentions", "quotes", "events", "dates", "errors",
          "positions", "mediations")

DDL = """
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    title VARCHAR,
    published DATE,
    source VARCHAR,
    url VARCHAR,
    origin VARCHAR,
    text VARCHAR NOT NULL,
    n_chars INTEGER,
    pipeline_version VARCHAR,
    pipeline VARCHAR,
    record_schema INTEGER,
    warnings VARCHAR[],
    ingested_at TIMESTAMP,
    text_hash VARCHAR,
    version INTEGER
);
CREATE TABLE IF NOT EXISTS article_versions (
    article_id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    text_hash VARCHAR NOT NULL,
    title VARCHAR,
    published DATE,
    origin VARCHAR,
    text VARCHAR NOT NULL,
    ingested_at TIMESTAMP,
    replaced_at TIMESTAMP,
    PRIMARY KEY (article_id, version)
);
CREATE TABLE IF NOT EXISTS actors (
    id VARCHAR PRIMARY KEY,
    key VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    country VARCHAR,
    n_person INTEGER,
    n_organisation INTEGER,
    external_id VARCHAR,
    name_fixed BOOLEAN,
    n_articles INTEGER,
    n_mentions INTEGER,
    n_quotes INTEGER,
    n_events INTEGER,
    first_day DATE,
    last_day DATE
);
CREATE TABLE IF NOT EXISTS actor_names (
    key VARCHAR NOT NULL,
    class VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    surname VARCHAR,
    name VARCHAR,
    n INTEGER,
    source VARCHAR,
    first_word VARCHAR,
    PRIMARY KEY (key, class)
);
CREATE TABLE IF NOT EXISTS actor_merges (
    old_id VARCHAR PRIMARY KEY,
    new_id VARCHAR NOT NULL,
    merged_at TIMESTAMP,
    reason VARCHAR
);
CREATE TABLE IF NOT EXISTS article_actors (
    article_id VARCHAR NOT NULL,
    local_id VARCHAR NOT NULL,
    actor_id VARCHAR NOT NULL,
    name VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    role VARCHAR,
    affiliation VARCHAR,
    role_start INTEGER,
    role_end INTEGER,
    role_text VARCHAR,
    role_label VARCHAR,
    geo_name VARCHAR,
    feature VARCHAR,
    geo_country VARCHAR,
    admin1 VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    geo_precision INTEGER,
    geonames_id BIGINT,
    geo_rule VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR NOT NULL,
    local_id VARCHAR NOT NULL,
    n INTEGER NOT NULL,
    actor_id VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text VARCHAR,
    label VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    kind VARCHAR,
    content_start INTEGER,
    content_end INTEGER,
    content VARCHAR,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker VARCHAR,
    speaker_ids VARCHAR[],
    speaker_local_ids VARCHAR[],
    cue_start INTEGER,
    cue_end INTEGER,
    cue VARCHAR,
    sentence_start INTEGER,
    sentence_end INTEGER,
    rule VARCHAR,
    day DATE,
    position_ids VARCHAR[]
);
CREATE TABLE IF NOT EXISTS events (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    type VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    trigger VARCHAR,
    sentence_start INTEGER,
    sentence_end INTEGER,
    source_ids VARCHAR[],
    target_ids VARCHAR[],
    place_ids VARCHAR[],
    source_local_ids VARCHAR[],
    target_local_ids VARCHAR[],
    place_local_ids VARCHAR[],
    source_start INTEGER,
    source_end INTEGER,
    source VARCHAR,
    target_start INTEGER,
    target_end INTEGER,
    target VARCHAR,
    mode VARCHAR,
    status VARCHAR,
    date VARCHAR,
    date_id VARCHAR,
    rule VARCHAR,
    location_id VARCHAR,
    location_local_id VARCHAR,
    location_rule VARCHAR,
    location VARCHAR,
    country VARCHAR,
    admin1 VARCHAR,
    latitude DOUBLE,
    longitude DOUBLE,
    geo_precision INTEGER,
    status_cue_start INTEGER,
    status_cue_end INTEGER,
    status_cue VARCHAR,
    sentence VARCHAR,
    day DATE,
    last_day DATE,
    position_ids VARCHAR[]
);
CREATE TABLE IF NOT EXISTS dates (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    start INTEGER,
    "end" INTEGER,
    text VARCHAR,
    type VARCHAR,
    value VARCHAR,
    anchored BOOLEAN,
    rule VARCHAR
);
CREATE TABLE IF NOT EXISTS positions (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    cue_start INTEGER,
    cue_end INTEGER,
    cue VARCHAR,
    evidence_start INTEGER,
    evidence_end INTEGER,
    holder_local_ids VARCHAR[],
    holder_start INTEGER,
    holder_end INTEGER,
    holder VARCHAR,
    speaker_local_ids VARCHAR[],
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker VARCHAR,
    topic_start INTEGER,
    topic_end INTEGER,
    topic VARCHAR,
    topic_key VARCHAR,
    condition_start INTEGER,
    condition_end INTEGER,
    condition VARCHAR,
    target_local_ids VARCHAR[],
    target_start INTEGER,
    target_end INTEGER,
    target VARCHAR,
    date VARCHAR,
    date_id VARCHAR,
    quote_id VARCHAR,
    event_id VARCHAR,
    rule VARCHAR
);
CREATE TABLE IF NOT EXISTS mediations (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    mediator_local_ids VARCHAR[],
    party_local_ids VARCHAR[],
    cue_start INTEGER,
    cue_end INTEGER,
    cue VARCHAR,
    evidence_start INTEGER,
    evidence_end INTEGER,
    rule VARCHAR
);
CREATE TABLE IF NOT EXISTS errors (
    origin VARCHAR PRIMARY KEY,
    article_id VARCHAR,
    stage VARCHAR,
    reason VARCHAR,
    recorded_at TIMESTAMP
);
"""

# The index tables (no keys: chronicle.store.byactor.compact rewrites the sorted ones in their
# order with one sorted INSERT): the per-actor records (version 9), the word index by article
# number and the per-actor tallies (version 11).
INDEX_COLUMNS = {
    "actor_records": byactor.COLUMNS,
    "article_numbers": words.NUMBERS_COLUMNS,
    "word_articles": words.COLUMNS,
    "actor_tallies": byactor.TALLY_COLUMNS,
    "actor_words": actorwords.COLUMNS,
    "actor_vocab": actorwords.VOCAB_COLUMNS,
}
INDEX_DDL = "".join(f"CREATE TABLE IF NOT EXISTS {t} ({c});\n" for t, c in INDEX_COLUMNS.items())

# Version 6: the fetch cache (created by CREATE TABLE IF NOT EXISTS in an older store too).
FETCHES_DDL = """
CREATE TABLE IF NOT EXISTS fetches (
    url VARCHAR PRIMARY KEY,
    etag VARCHAR,
    last_modified VARCHAR,
    status INTEGER,
    canonical VARCHAR,
    fetched_at TIMESTAMP,
    article_id VARCHAR
);
"""


# Columns version 4 added (at the end of their tables, where ALTER TABLE puts them).
PLACE_COLUMNS = (("geo_name", "VARCHAR"), ("feature", "VARCHAR"), ("geo_country", "VARCHAR"), ("admin1", "VARCHAR"),
                 ("latitude", "DOUBLE"), ("longitude", "DOUBLE"), ("geo_precision", "INTEGER"),
                 ("geonames_id", "BIGINT"), ("geo_rule", "VARCHAR"))
LOCATION_COLUMNS = (("location_id", "VARCHAR"), ("location_local_id", "VARCHAR"), ("location_rule", "VARCHAR"),
                    ("location", "VARCHAR"), ("country", "VARCHAR"), ("admin1", "VARCHAR"), ("latitude", "DOUBLE"),
                    ("longitude", "DOUBLE"), ("geo_precision", "INTEGER"))


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables if missing and record the schema version (idempotent)."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(DDL)
        con.execute(INDEX_DDL)
        con.execute(FETCHES_DDL)
        _migrate(con)
        con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
            [str(STORE_SCHEMA_VERSION)],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    check_version(con)


def _migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Bring an older store up to this version (its rows stay; new columns start empty)."""
    version = schema_version(con)
    if version is None or version >= STORE_SCHEMA_VERSION:
        return
    if version < 2:  # corpus-wide actor identity
        for column, kind in (("n_person", "INTEGER"), ("n_organisation", "INTEGER"),
                             ("external_id", "VARCHAR"), ("name_fixed", "BOOLEAN")):
            con.execute(f"ALTER TABLE actors ADD COLUMN IF NOT EXISTS {column} {kind}")
    if version < 3:  # story versions: the newest text in articles, earlier ones in article_versions
        con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS text_hash VARCHAR")
        con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS version INTEGER")
        con.execute("UPDATE articles SET text_hash = sha256(text), version = 1 WHERE text_hash IS NULL")
    if version < 4:  # places: article actors' coordinates, events' locations
        for table, columns in (("article_actors", PLACE_COLUMNS), ("events", LOCATION_COLUMNS)):
            for column, kind in columns:
                con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}")
    if version < 5:  # an event's status cue ("would", "not", "denied")
        for column, kind in (("status_cue_start", "INTEGER"), ("status_cue_end", "INTEGER"), ("status_cue", "VARCHAR")):
            con.execute(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {column} {kind}")
    if version < 6:  # the fetch cache: its table is made by FETCHES_DDL; nothing else changes
        con.execute(FETCHES_DDL)
    if version < 7:  # scale: per-actor counts, an event's sentence on its row, the word index (article_words)
        from chronicle.store import derived

        for column in derived.stats.COLUMNS:
            con.execute(f"ALTER TABLE actors ADD COLUMN IF NOT EXISTS {column} INTEGER")
        con.execute("ALTER TABLE quotes ADD COLUMN IF NOT EXISTS day DATE")
        for column, kind in (("sentence", "VARCHAR"), ("day", "DATE"), ("last_day", "DATE")):
            con.execute(f"ALTER TABLE events ADD COLUMN IF NOT EXISTS {column} {kind}")
        derived.fill(con)  # the word index is created empty by DDL above
    if version < 8:  # negotiation positions: the positions and mediations tables (created by DDL), and
        # the quote and event each position links back from; older articles have none until re-extracted
        for table in ("quotes", "events"):
            con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS position_ids VARCHAR[]")
    if version < 9:  # the period an actor is written about (first and last article day), for identity
        from chronicle.store import stats

        for column in stats.DAY_COLUMNS:
            con.execute(f"ALTER TABLE actors ADD COLUMN IF NOT EXISTS {column} DATE")
        stats.refresh_days(con)
    if version < 10:  # the per-actor index (created by INDEX_DDL), filled and sorted
        byactor.fill(con)
    if version < 11:  # the word index by article number (its tables created by INDEX_DDL) in place of
        # article_words; quotes indexed by their speaker's text; the per-actor tallies; all filled,
        # then every index sorted
        words.fill(con)
        con.execute("DROP TABLE IF EXISTS article_words")
        byactor.fill_texts(con)
    else:  # a version-11 upgrade counts these with the rest
        if version < 12:  # the speakers' ``said`` tallies
            byactor.fill_said(con)
        if version < 13:  # the actors' (day, article) pairs by month (``days`` tallies)
            byactor.fill_days(con)
        byactor.compact(con, force=True, tables=("actor_tallies",))
    if version < 14:  # no primary keys on the records' tables (their ART indexes): each copied to a
        # table made without one, in its order
        drop_record_keys(con)
        actorwords.fill(con)  # the names index
    if version < 15:  # one actor per country: joined by a layer that knows the countries' names
        from chronicle.store import countries

        con.execute("INSERT INTO meta VALUES (?, 'yes') ON CONFLICT DO NOTHING", [countries.PENDING_KEY])
    if version < 16:  # each name's first word, as the run's end reads it
        from chronicle.store import identity

        con.execute("ALTER TABLE actor_names ADD COLUMN IF NOT EXISTS first_word VARCHAR")
        identity.fill_first_words(con)
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(STORE_SCHEMA_VERSION)])


def drop_record_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite each of :data:`CHILD_TABLES` that still has a primary key as the DDL makes it now
    (no key), its rows in the order they were stored (an upgrade to version 14)."""
    keyed = {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' "
        "AND list_contains(?, table_name)", [list(CHILD_TABLES)]).fetchall()}
    for table in CHILD_TABLES:
        if table in keyed:
            con.execute(f"ALTER TABLE {table} RENAME TO {table}__keyed")
    con.execute(DDL)  # the renamed tables made again, without their keys
    for table in CHILD_TABLES:
        if table in keyed:
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {table}__keyed")
            con.execute(f"DROP TABLE {table}__keyed")


def schema_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The store's schema version, or None for a file with no chronicle tables."""
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.CatalogException:
        return None
    return int(row[0]) if row else None


def check_version(con: duckdb.DuckDBPyConnection) -> int:
    version = schema_version(con)
    if version is None:
        raise SchemaError("not a chronicle store (no schema_version); create one with `chronicle ingest`")
    if version > STORE_SCHEMA_VERSION:
        raise SchemaError(
            f"store has schema version {version}; this chronicle reads up to {STORE_SCHEMA_VERSION}"
        )
    return version
