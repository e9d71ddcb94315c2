"""Convert world-atlas' Natural Earth 1:110m country TopoJSON into the small GeoJSON the web map ships.

The map must be useful offline, without a tile server, so eventwatch ships country outlines as a static file.
Run once when upgrading the data (the output is committed; see src/eventwatch/web/static/outline/SOURCE.md)::

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_outline.py package/countries-110m.json \
        src/eventwatch/web/static/outline/countries-110m.geojson

TopoJSON (https://github.com/topojson/topojson-specification) stores shared borders once as quantized,
delta-encoded arcs; each polygon ring lists its arcs by index (``~i`` = arc ``i`` reversed). Coordinates are
rounded to ``--digits`` decimals (2 = about 1 km, finer than the 1:110m source) to keep the file small.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any

Position = list[float]


def decode_arcs(topology: dict[str, Any], digits: int) -> list[list[Position]]:
    """Absolute ``[lon, lat]`` positions of every arc (undoing quantization and delta encoding)."""
    transform = topology.get("transform")
    (sx, sy), (tx, ty) = (transform["scale"], transform["translate"]) if transform else ((1, 1), (0, 0))
    arcs: list[list[Position]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[Position] = []
        for dx, dy in arc:
            # Quantized topologies store each position as the difference from the previous one.
            x, y = (x + dx, y + dy) if transform else (dx, dy)
            points.append([round(x * sx + tx, digits), round(y * sy + ty, digits)])
        arcs.append(points)
    return arcs


def stitch_ring(indexes: list[int], arcs: list[list[Position]]) -> list[Position]:
    """One closed ring from its arcs; consecutive arcs share an end point, kept once."""
    ring: list[Position] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return _drop_repeats(ring)


def _drop_repeats(ring: list[Position]) -> list[Position]:
    # Rounding merges neighbouring vertices; RFC 7946 rings need distinct consecutive positions.
    out: list[Position] = []
    for point in ring:
        if not out or point != out[-1]:
            out.append(point)
    return out


def _clip(ring: list[Position], x: float, keep_left: bool) -> list[Position]:
    """Sutherland-Hodgman: the part of a closed ring on one side of the meridian ``x`` (closed again)."""

    def inside(p: Position) -> bool:
        return p[0] <= x if keep_left else p[0] >= x

    out: list[Position] = []
    for prev, cur in itertools.pairwise(ring):
        if inside(cur):
            if not inside(prev):
                out.append(_crossing(prev, cur, x))
            out.append(cur)
        elif inside(prev):
            out.append(_crossing(prev, cur, x))
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def _crossing(a: Position, b: Position, x: float) -> Position:
    t = (x - a[0]) / (b[0] - a[0])
    return [round(x, 6), round(a[1] + t * (b[1] - a[1]), 2)]


def split_at_antimeridian(ring: list[Position]) -> list[list[Position]]:
    """``ring`` cut into rings within -180..180 (RFC 7946 section 3.1.9).

    world-atlas keeps spherical topology, so Russia, Fiji and Antarctica have rings that jump from 180 to -180;
    drawn on a flat map those jumps become bands across the whole world. The ring is unwrapped into continuous
    longitudes, a ring around a pole (Antarctica) is closed along the pole, and the parts beyond ±180 are
    clipped off and shifted back by 360 degrees.
    """
    if all(abs(b[0] - a[0]) <= 180 for a, b in itertools.pairwise(ring)):
        return [ring]
    unwrapped = [ring[0]]
    for point in ring[1:]:
        lon = point[0]
        while lon - unwrapped[-1][0] > 180:
            lon -= 360
        while lon - unwrapped[-1][0] < -180:
            lon += 360
        unwrapped.append([lon, point[1]])
    start, end = unwrapped[0], unwrapped[-1]
    if abs(end[0] - start[0]) >= 359:  # goes once around a pole: close it along the pole
        pole = -90.0 if sum(p[1] for p in ring) < 0 else 90.0
        unwrapped += [[end[0], pole], [start[0], pole], start]
    pieces: list[list[Position]] = []
    for shift in (-360, 0, 360):
        window = [[p[0] + shift, p[1]] for p in unwrapped]
        piece = _clip(_clip(window, -180.0, keep_left=False), 180.0, keep_left=True)
        piece = _drop_repeats(piece)
        if len(piece) >= 4 and max(p[0] for p in piece) > min(p[0] for p in piece):
            pieces.append(piece)
    return pieces


def _polygon(rings: list[list[int]], arcs: list[list[Position]]) -> list[list[list[Position]]]:
    """The polygon(s) of one TopoJSON polygon: several when its outer ring crosses the antimeridian."""
    stitched = [stitch_ring(ring, arcs) for ring in rings]
    # A ring needs 4 positions (first = last) to enclose an area; tiny islands collapse when rounded.
    if len(stitched[0]) < 4:
        return []
    holes = [ring for ring in stitched[1:] if len(ring) >= 4]
    outers = split_at_antimeridian(stitched[0])
    if len(outers) == 1:
        return [[outers[0], *holes]]
    return [[outer] for outer in outers]  # no hole of the 1:110m data lies in a ring that crosses


def to_feature(geometry: dict[str, Any], arcs: list[list[Position]]) -> dict[str, Any] | None:
    """A GeoJSON Feature (with the country ``name``) or None for geometries that vanish when rounded."""
    if geometry["type"] == "Polygon":
        kept = _polygon(geometry["arcs"], arcs)
    elif geometry["type"] == "MultiPolygon":
        kept = [p for polygon in geometry["arcs"] for p in _polygon(polygon, arcs)]
    else:
        return None
    if not kept:
        return None
    shape: dict[str, Any] = (
        {"type": "Polygon", "coordinates": kept[0]} if len(kept) == 1 else {"type": "MultiPolygon", "coordinates": kept}
    )
    name = geometry.get("properties", {}).get("name", "")
    return {"type": "Feature", "properties": {"name": name}, "geometry": shape}


def convert(topology: dict[str, Any], object_name: str, digits: int) -> dict[str, Any]:
    arcs = decode_arcs(topology, digits)
    features = [to_feature(g, arcs) for g in topology["objects"][object_name]["geometries"]]
    return {"type": "FeatureCollection", "features": [f for f in features if f is not None]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("topojson", type=Path, help="world-atlas countries-110m.json")
    parser.add_argument("geojson", type=Path, help="output GeoJSON file")
    parser.add_argument("--object", default="countries", help="TopoJSON object to convert (default: countries)")
    parser.add_argument("--digits", type=int, default=2, help="decimals kept per coordinate (default: 2)")
    args = parser.parse_args()
    collection = convert(json.loads(args.topojson.read_text(encoding="utf-8")), args.object, args.digits)
    args.geojson.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    size = args.geojson.stat().st_size
    print(f"{args.geojson}: {len(collection['features'])} features, {size} bytes")


if __name__ == "__main__":
    main()
