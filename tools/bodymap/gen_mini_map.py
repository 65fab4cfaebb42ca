#!/usr/bin/python3
"""Generates src/main/resources/templates/painmap/mini-map.html: the small, non-interactive "muscle map" of the
pain finder's results page.

It reuses the geometry of gen_body_map.py (same figure, same left/right convention: on the front figure the
person's right is on the viewer's left, on the back figure it is on the viewer's right) and writes two fragments:

  * miniMapDefs                              one hidden <svg> with all the shapes, included once per page;
  * miniMap(primary, secondary, trp, marked) one small <svg> per candidate muscle that only <use>s those shapes.

The front and back figures stand side by side in ONE coordinate system (the back figure is shifted by DX), so a
region seen on both figures (e.g. shoulder_lateral, ankle_foot) is one <path id="mm-<id>"> with two sub-paths, and
its trigger-point mark is one <g id="mmc-<id>"> with two circles. Face regions are on the front figure only; the
head inset of the big map is left out. ear_tmj, which the big map only has on the inset, is drawn over the ears.

Needs Debian's python3-shapely.   Run:  /usr/bin/python3 tools/bodymap/gen_mini_map.py
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_body_map as G  # noqa: E402  (geometry only: its main() is not run)
from shapely import affinity  # noqa: E402
from shapely.geometry import LineString  # noqa: E402
from shapely.ops import unary_union  # noqa: E402

OUT = os.path.normpath(os.path.join(HERE, '../../src/main/resources/templates/painmap/mini-map.html'))

DX = 196.0          # the back figure is the front figure shifted right by DX
SIMPLIFY = 0.45     # coarser than the big map: the mini map is drawn 3-4x smaller
NDIG = 0            # integer coordinates (1 unit is about 0.4-0.55 px on screen)
TRP_R = 6.5         # radius of a trigger-point mark, in figure units


def d(g, dx=0.0):
    g = affinity.translate(g, dx, 0) if dx else g
    polys = [g] if g.geom_type == 'Polygon' else [p for p in g.geoms if p.geom_type == 'Polygon']
    parts = []
    for p in polys:
        p = p.simplify(SIMPLIFY, preserve_topology=True)
        for ring in [p.exterior] + list(p.interiors):
            cs = list(ring.coords)[:-1]
            pts, last = [], None
            for x, y in cs:
                q = (G.fmt(x, NDIG), G.fmt(y, NDIG))
                if q != last:
                    pts.append(q)
                last = q
            if len(pts) >= 3:
                parts.append('M' + ' '.join('%s %s' % q for q in pts) + 'Z')
    return ''.join(parts)


def mark_point(g):
    """A point well inside the region (its largest part): the centroid if it is inside, else a representative
    point."""
    if g.geom_type != 'Polygon':
        g = max((p for p in g.geoms if p.geom_type == 'Polygon'), key=lambda p: p.area)
    c = g.centroid
    inner = g.buffer(-2.0)
    if not inner.is_empty and inner.contains(c):
        return c.x, c.y
    p = (inner if not inner.is_empty else g).representative_point()
    return p.x, p.y


def main():
    front = G.sided(G.front_view(), 'L', G.CX)   # viewer-right half of the front figure = person's left
    back = G.sided(G.back_view(), 'R', G.CX)     # viewer-right half of the back figure = person's right
    # ear_tmj: only on the head inset in the big map; here a patch over each ear on both figures
    ear = G.BODY.intersection(G.ell(G.CX + 22.0, 48.0, 6.5, 9.5))
    front += [('ear_tmj_L', ear), ('ear_tmj_R', G.mirror(ear))]
    back += [('ear_tmj_R', ear), ('ear_tmj_L', G.mirror(ear))]

    shapes = {}   # id -> [(geometry, dx)]
    for rid, g in front:
        shapes.setdefault(rid, []).append((g, 0.0))
    for rid, g in back:
        shapes.setdefault(rid, []).append((g, DX))

    all_ids = set()
    for _, bases in G.GROUPS:
        for b in bases:
            all_ids |= {b} if b in G.MIDLINE else {b + '_R', b + '_L'}
    assert len(all_ids) == 121, len(all_ids)
    assert set(shapes) == all_ids, (all_ids - set(shapes), set(shapes) - all_ids)
    for items in (front, back):
        ids = [i for i, _ in items]
        assert len(ids) == len(set(ids)), 'duplicate in a view'

    minx, miny, maxx, maxy = G.BODY.bounds
    pad = 5
    lab_y = maxy + 28            # baseline of the "front" / "back" captions under the feet
    vb = (minx - pad, miny - pad, (maxx + DX) - minx + 2 * pad, lab_y + 8 - (miny - pad))
    vb_s = ' '.join(G.fmt(v, 0) for v in vb)
    vw, vh = int(round(vb[2])), int(round(vb[3]))

    body_d = d(G.BODY) + d(G.BODY, DX)
    deco = [G.ell(G.CX, 222, 1.6, 2.2)] + G.face_features(*G.HEAD)
    deco_d = ''.join(d(g) for g in deco) + d(LineString([(G.CX, 100), (G.CX, 216)]).buffer(0.9), DX)

    # labels: caption under each figure, R/L beside each head (front: person's right on the viewer's left)
    def txt(x, y, key, cls):
        return ('<text class="%s" x="%s" y="%s" th:text="#{%s}"></text>'
                % (cls, G.fmt(x, 0), G.fmt(y, 0), key))
    side_y = 62
    labels = [
        txt(G.CX, lab_y, 'painmap.miniMap.front', 'mm-cap'),
        txt(G.CX + DX, lab_y, 'painmap.miniMap.back', 'mm-cap'),
        txt(G.CX - 50, side_y, 'painmap.miniMap.right', 'mm-side'),
        txt(G.CX + 50, side_y, 'painmap.miniMap.left', 'mm-side'),
        txt(G.CX + DX - 50, side_y, 'painmap.miniMap.left', 'mm-side'),
        txt(G.CX + DX + 50, side_y, 'painmap.miniMap.right', 'mm-side'),
    ]

    def order(rid):
        return (rid.rsplit('_', 1)[0] if rid[-2:] in ('_L', '_R') else rid, rid)

    defs = []
    defs.append('<pattern id="mm-hatch" patternUnits="userSpaceOnUse" width="9" height="9"'
                ' patternTransform="rotate(45)"><rect class="mm-hatch-bg" width="9" height="9"/>'
                '<rect class="mm-hatch-line" width="3.6" height="9"/></pattern>')
    defs.append('<path id="mm-body" d="%s"/>' % body_d)
    defs.append('<path id="mm-deco" d="%s"/>' % deco_d)
    defs.append('<g id="mm-labels">%s</g>' % ''.join(labels))
    for rid in sorted(shapes, key=order):
        defs.append('<path id="mm-%s" d="%s"/>' % (rid, ''.join(d(g, dx) for g, dx in shapes[rid])))
    for rid in sorted(shapes, key=order):
        circles = []
        for g, dx in shapes[rid]:
            x, y = mark_point(g)
            circles.append('<circle cx="%s" cy="%s" r="%s"/>' % (G.fmt(x + dx, 0), G.fmt(y, 0), G.fmt(TRP_R, 1)))
        if len(circles) == 1:
            defs.append(circles[0].replace('<circle ', '<circle id="mmc-%s" ' % rid))
        else:
            defs.append('<g id="mmc-%s">%s</g>' % (rid, ''.join(circles)))

    html = [
        '<!DOCTYPE html>',
        '<!--/* Generated by tools/bodymap/gen_mini_map.py: edit the generator, not this file.',
        '     miniMapDefs: the shapes, include ONCE per page (before or after the maps).',
        '     miniMap(primary, secondary, trp, marked): each a Set<String> of region ids (null is treated as empty);',
        '     primary = essential referral zone, secondary = spillover, trp = where the trigger points lie,',
        '     marked = the regions the person marked. Needs /css/mini-map.css. Ids not on the map draw nothing. */-->',
        '<html xmlns:th="http://www.thymeleaf.org">',
        '<body>',
        '<svg th:fragment="miniMapDefs" class="mini-map-defs" aria-hidden="true" focusable="false" width="0"'
        ' height="0"><defs>',
    ]
    html += defs
    html += [
        '</defs></svg>',
        '',
        ('<svg th:fragment="miniMap(primary, secondary, trp, marked)" class="mini-map" viewBox="{vb}" width="{w}"'
         ' height="{h}" role="img" focusable="false" th:aria-label="#{{painmap.miniMap.label}}"'
         ' th:with="p=${{primary}} ?: ${{ {{}} }}, s=${{secondary}} ?: ${{ {{}} }}, t=${{trp}} ?: ${{ {{}} }},'
         ' m=${{marked}} ?: ${{ {{}} }}">').format(vb=vb_s, w=vw, h=vh),
        '<use href="#mm-body" class="mm-body"/><use href="#mm-deco" class="mm-deco"/>',
        '<use th:each="r : ${s}" th:unless="${r == null or p.contains(r)}" th:href="|#mm-${r}|" class="mm-secondary"/>',
        '<use th:each="r : ${p}" th:href="|#mm-${r}|" class="mm-primary"/>',
        '<use th:each="r : ${m}" th:href="|#mm-${r}|" class="mm-marked"/>',
        '<use th:each="r : ${t}" th:href="|#mmc-${r}|" class="mm-trp"/>',
        '<use href="#mm-labels" class="mm-labels"/>',
        '</svg>',
        '</body>',
        '</html>',
    ]
    text = '\n'.join(html) + '\n'
    with open(OUT, 'w') as f:
        f.write(text)
    print('wrote %s (%d bytes), %d region ids, viewBox %s' % (OUT, len(text.encode()), len(shapes), vb_s))


if __name__ == '__main__':
    main()
