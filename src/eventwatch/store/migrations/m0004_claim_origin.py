"""Version 4: each claim keeps its origin's country and affiliation (``schema.CLAIM_ORIGIN_COLUMNS``).

``m0001`` creates every column ``schema.py`` describes, so a new store already has them; a store written
before this step gets the two columns, filled from the ``sources`` rows as they stand (the per-article values
were not kept before), in the same transaction.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.schema import CreateColumn

from eventwatch.store import schema


def upgrade(conn: sa.Connection) -> None:
    claims, via, sources = schema.claims, schema.claim_via, schema.sources
    have = {c["name"] for c in sa.inspect(conn).get_columns(claims.name)}
    missing = [col for col in schema.CLAIM_ORIGIN_COLUMNS if col.name not in have]
    if not missing:
        return
    for col in missing:
        ddl = CreateColumn(col).compile(dialect=conn.dialect)
        conn.execute(sa.text(f"ALTER TABLE {claims.name} ADD COLUMN {ddl}"))
    # The origin is the claim's last relay (highest claim_via position), else its source.
    last = sa.select(via.c.claim_id, sa.func.max(via.c.position).label("position")).group_by(via.c.claim_id).subquery()
    origin_via = via.alias("origin_via")
    origin = sources.alias("origin")
    rows = conn.execute(
        sa.select(
            claims.c.id,
            sa.case((origin.c.id.is_(None), sources.c.country), else_=origin.c.country),
            sa.case((origin.c.id.is_(None), sources.c.affiliation), else_=origin.c.affiliation),
        )
        .join_from(claims, sources, claims.c.source_id == sources.c.id)
        .outerjoin(last, last.c.claim_id == claims.c.id)
        .outerjoin(origin_via, (origin_via.c.claim_id == claims.c.id) & (origin_via.c.position == last.c.position))
        .outerjoin(origin, origin.c.id == origin_via.c.source_id)
    ).all()
    update = (
        sa.update(claims)
        .where(claims.c.id == sa.bindparam("claim_id"))
        .values(origin_country=sa.bindparam("country"), origin_affiliation=sa.bindparam("affiliation"))
    )
    params = [{"claim_id": i, "country": c, "affiliation": a} for i, c, a in rows if c is not None or a is not None]
    if params:
        conn.execute(update, params)
