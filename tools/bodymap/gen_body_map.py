#!/usr/bin/python3
"""Generates src/main/resources/templates/painmap/body-map.html (the body-map fragment).

The geometry is drawn here once, in one half of a symmetric figure, and mirrored, so that left/right stay
correct by construction:
  * "canonical" shapes live in the viewer's RIGHT half of each figure (x >= CX);
  * front view: the person faces us, so the canonical half is the person's LEFT  (_L), the mirror is _R;
  * back view:  we look at their back, so the canonical half is the person's RIGHT (_R), the mirror is _L;
  * head inset: the right profile faces the viewer's right, the left profile is its mirror.

Needs Debian's python3-shapely:  apt-get install -y python3-shapely
Run:  /usr/bin/python3 tools/bodymap/gen_body_map.py
"""
import os
from shapely.geometry import Point, Polygon, LineString, box
from shapely.ops import unary_union
from shapely import affinity

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, '../../src/main/resources/templates/painmap/body-map.html'))

CX = 100.0
RES = 12


def circ(x, y, r):
    return Point(x, y).buffer(r, RES)


def caps(*cs):
    return unary_union([circ(*c) for c in cs]).convex_hull


def ell(cx, cy, rx, ry):
    return affinity.scale(Point(cx, cy).buffer(1, 24), rx, ry)


def mirror(g, cx=CX):
    return affinity.scale(g, -1, 1, origin=(cx, 0))


def sym(g, cx=CX):
    return unary_union([g, mirror(g, cx)])


def smooth(g, r):
    return g.buffer(r, RES).buffer(-2 * r, RES).buffer(r, RES)


def right_half(cx=CX, y0=-1000, y1=1000):
    return box(cx, y0, cx + 1000, y1)


def axis_split(p0, p1, offset, side, y0=-1000, y1=1000):
    """Half-plane bounded by the line p0-p1 shifted by `offset` in +x; side=+1 keeps larger x."""
    (x0, ya), (x1, yb) = p0, p1
    k = (x1 - x0) / (yb - ya)

    def xat(y):
        return x0 + k * (y - ya) + offset
    far = 1000 * side
    return Polygon([(xat(y0), y0), (xat(y1), y1), (xat(y1) + far, y1), (xat(y0) + far, y0)])


# ---------------------------------------------------------------- the figure (front silhouette, symmetric)
HEAD = (CX, 44.0, 23.0, 28.0)          # cx, cy, rx, ry
TORSO_PTS = [(CX, 88), (116, 90), (132, 98), (148, 103), (157, 114), (154, 132), (145, 142),
             (143, 176), (137, 212), (141, 238), (149, 262), (149, 286), (CX, 304)]
UPPER_ARM = caps((149, 120, 16), (163, 200, 12))
FOREARM = caps((163, 200, 12), (175, 266, 8.5))
HAND = caps((176, 272, 9), (182, 300, 10))
THIGH_AX = ((124, 288), (120, 368))
THIGH = caps((124, 288, 26), (120, 368, 14.5))
SHANK_AX = ((120, 370), (116, 456))
SHANK = unary_union([caps((120, 370, 14.5), (119, 400, 15)), caps((119, 400, 15), (116, 456, 8))])
FOOT = caps((116, 458, 8.5), (122, 480, 9.5))

torso_half = Polygon(TORSO_PTS + [(CX, 88)])
TORSO = smooth(sym(torso_half), 4)
NECK = sym(box(CX, 62, CX + 15, 100))
head_g = ell(*HEAD)
ARMS = sym(unary_union([UPPER_ARM, FOREARM, HAND]))
LEGS = sym(unary_union([THIGH, SHANK, FOOT]))
EARS = sym(ell(CX + 22.5, 47, 4.2, 8))
core = smooth(unary_union([head_g, NECK, TORSO]), 3)
core = unary_union([core, EARS])
BODY = unary_union([core, ARMS, LEGS]).buffer(1.2, RES).buffer(-1.2, RES)
ARM_MASK = unary_union([UPPER_ARM, FOREARM, HAND]).buffer(1.3).difference(torso_half)
DELTOID = ell(149, 121, 17, 25)
LEG_MASK = unary_union([THIGH, SHANK, FOOT]).buffer(1.3)


# ---------------------------------------------------------------- face layout (front), relative to a head ellipse
def face_regions(cx, cy, rx, ry):
    """Canonical (viewer-right) half of a face seen from the front: list of (base, polygon)."""
    head = ell(cx, cy, rx, ry)
    half = head.intersection(right_half(cx))

    def R(u0, v0, u1, v1):
        return box(cx + u0 * rx, cy + v0 * ry, cx + u1 * rx, cy + v1 * ry)
    def E(u, v, a, b):
        return ell(cx + u * rx, cy + v * ry, a * rx, b * ry)

    def L(pts, w):
        return LineString([(cx + u * rx, cy + v * ry) for u, v in pts]).buffer(w * rx, RES)
    spec = [
        ('vertex', R(0, -2, 2, -0.70)),
        ('temple', R(0.68, -0.70, 2, 0.10)),
        ('forehead', R(0, -0.70, 2, -0.31)),
        ('eyebrow', L([(0.14, -0.19), (0.36, -0.25), (0.58, -0.20)], 0.085)),
        ('eye_orbit', E(0.37, 0.0, 0.25, 0.135)),
        ('teeth_upper', E(0, 0.44, 0.36, 0.11).intersection(R(0, 0, 2, 0.535))),
        ('teeth_lower', E(0, 0.62, 0.33, 0.10).intersection(R(0, 0.535, 2, 2))),
        ('cheek', E(0.50, 0.30, 0.28, 0.19)),
        ('jaw', L([(0.74, 0.30), (0.64, 0.66), (0.34, 0.90), (0.0, 0.97)], 0.15)),
    ]
    return claim(half, spec)


def claim(area, spec):
    out, taken = [], None
    for base, cut in spec:
        g = area.intersection(cut)
        if taken is not None:
            g = g.difference(taken)
        g = clean(g)
        if g.is_empty:
            raise SystemExit('empty region ' + base)
        out.append((base, g))
        taken = g if taken is None else unary_union([taken, g])
    return out


def clean(g):
    g = g.buffer(0)
    if g.geom_type in ('MultiPolygon', 'GeometryCollection'):
        parts = [p for p in getattr(g, 'geoms', []) if p.geom_type == 'Polygon' and p.area > 8.0]
        g = unary_union(parts) if parts else g
    return g


# ---------------------------------------------------------------- front view
def front_view():
    half = BODY.intersection(right_half())
    out = []  # (region id, geometry)
    for base, g in face_regions(*HEAD):
        out.append((base, g))
    torso = BODY.intersection(Polygon(TORSO_PTS + [(CX, 88)]).buffer(2)).difference(head_g)
    arm = BODY.intersection(ARM_MASK)
    leg = half.intersection(LEG_MASK)
    nonarm = half.difference(ARM_MASK)
    butt = nonarm.intersection(ell(120.5, 284, 22.5, 33.5)).intersection(box(CX, 250, 200, 500))
    CREST = LineString([(110, 257), (119, 247), (134, 241), (151, 247)])
    above_crest = Polygon([(CX, 218), (170, 218), (170, 247), (151, 247), (134, 241), (119, 247), (110, 257), (CX, 257)])
    spec = [
        ('throat', half.intersection(box(CX, 60, 130, 97)).difference(head_g)),
        ('shoulder_lateral', half.intersection(DELTOID).intersection(box(152, 0, 200, 500))),
        ('shoulder_front', half.intersection(DELTOID)),
        ('sternum', None),
        ('chest_upper', torso.intersection(ell(119, 114, 28, 42)).intersection(box(CX, 92, 200, 500))),
        ('upper_arm_front', arm.intersection(box(CX, 100, 220, 202))),
        ('forearm_radial', arm.intersection(box(CX, 202, 220, 268)).intersection(axis_split((163, 200), (175, 266), 0, 1))),
        ('forearm_ulnar', arm.intersection(box(CX, 202, 220, 268))),
        ('hand_thumb_index', arm.intersection(box(CX, 268, 220, 330)).intersection(axis_split((176, 272), (182, 300), 0, 1))),
        ('hand_ulnar_fingers', arm.intersection(box(CX, 268, 220, 330))),
        ('abdomen_upper', torso.intersection(box(CX, 150, 160, 212))),
        ('pelvis_internal', None),
        ('groin', nonarm.intersection(LineString([(105, 291), (116, 280), (129, 265)]).buffer(5.4, cap_style=1))),
        ('hip_lateral', nonarm.intersection(box(141.5, 244, 200, 300))),
        ('abdomen_lower', torso.intersection(Polygon([(CX, 212), (170, 212), (170, 256), (131, 262), (118, 276), (106, 288), (CX, 290)]))),
        ('hip_front', nonarm.intersection(Polygon([(112, 300), (131, 270), (134, 252), (170, 240), (170, 306)]))),
        ('thigh_lateral', leg.intersection(box(CX, 250, 200, 354)).intersection(axis_split(*THIGH_AX, 13, 1))),
        ('thigh_medial', leg.intersection(box(CX, 250, 200, 354)).intersection(axis_split(*THIGH_AX, -8, -1))),
        ('thigh_front', leg.intersection(box(CX, 250, 200, 354))),
        ('knee_lateral', leg.intersection(box(CX, 354, 200, 388)).intersection(axis_split(*THIGH_AX, 7, 1))),
        ('knee_medial', leg.intersection(box(CX, 354, 200, 388)).intersection(axis_split(*THIGH_AX, -6, -1))),
        ('knee_front', leg.intersection(box(CX, 354, 200, 388))),
        ('leg_lateral', leg.intersection(box(CX, 388, 200, 452)).intersection(axis_split(*SHANK_AX, 6, 1))),
        ('shin', leg.intersection(box(CX, 388, 200, 452))),
        ('ankle_foot', leg.intersection(box(CX, 452, 200, 500))),
    ]
    taken = unary_union([g for _, g in out])
    mids = {
        'sternum': BODY.intersection(box(CX - 7, 97, CX + 7, 156)),
        'pelvis_internal': BODY.intersection(ell(CX, 287, 8, 11)),
    }
    result = [(b, g, False) for b, g in out]
    for base, g in spec:
        midline = base in mids
        if midline:
            g = mids[base]
        g = clean(g.difference(taken))
        if g.is_empty:
            raise SystemExit('empty front region ' + base)
        taken = unary_union([taken, g])
        result.append((base, g, midline))
    return result


# ---------------------------------------------------------------- back view
def back_view():
    half = BODY.intersection(right_half())
    cx, cy, rx, ry = HEAD
    hh = head_g.intersection(right_half())

    def H(u0, v0, u1, v1):
        return box(cx + u0 * rx, cy + v0 * ry, cx + u1 * rx, cy + v1 * ry)
    torso = BODY.intersection(Polygon(TORSO_PTS + [(CX, 88)]).buffer(2)).difference(head_g)
    arm = BODY.intersection(ARM_MASK)
    leg = half.intersection(LEG_MASK)
    scap = smooth(Polygon([(114, 111), (138, 107), (141, 116), (132, 146), (121, 173), (116, 158)]), 2)
    nonarm = half.difference(ARM_MASK)
    butt = nonarm.intersection(ell(120.5, 284, 22.5, 33.5)).intersection(box(CX, 250, 200, 500))
    CREST = LineString([(110, 257), (119, 247), (134, 241), (151, 247)])
    above_crest = Polygon([(CX, 218), (170, 218), (170, 247), (151, 247), (134, 241), (119, 247), (110, 257), (CX, 257)])
    spec = [
        ('vertex', hh.intersection(H(0, -2, 2, -0.70))),
        ('mastoid', hh.intersection(ell(cx + 0.80 * rx, cy + 0.50 * ry, 0.34 * rx, 0.30 * ry))),
        ('occiput', hh),
        ('neck_angle', half.intersection(ell(116.5, 97, 8.5, 7.5))),
        ('neck_lateral', half.intersection(box(107.5, 60, 130, 97))),
        ('neck_posterior', half.intersection(box(CX, 60, 107.5, 97))),
        ('shoulder_lateral', half.intersection(DELTOID).intersection(box(152, 0, 200, 500))),
        ('shoulder_top', half.intersection(LineString([(121, 100), (136, 104), (153, 108)]).buffer(6.5, cap_style=2))),
        ('shoulder_back', half.intersection(DELTOID).difference(scap)),
        ('scapula_inferior_angle', torso.intersection(scap).intersection(box(CX, 150, 160, 180))),
        ('scapula_body', torso.intersection(scap)),
        ('scapula_medial_border', torso.intersection(Polygon([(104, 104), (114, 104), (116, 150), (121, 172), (104, 172)]))),
        ('upper_arm_back', arm.intersection(box(CX, 100, 220, 202))),
        ('forearm_ulnar', arm.intersection(box(CX, 202, 220, 268)).intersection(axis_split((163, 200), (175, 266), 0, -1))),
        ('lumbar_midline', None),
        ('sacrum', None),
        ('coccyx', None),
        ('si_joint', half.intersection(ell(111, 263, 5.5, 6.5))),
        ('iliac_crest', nonarm.intersection(CREST.buffer(4.6, cap_style=1))),
        ('mid_back', torso.intersection(box(104, 170, 118, 218))),
        ('lower_ribs_posterior', torso.intersection(box(104, 158, 160, 218))),
        ('low_back_paraspinal', torso.intersection(above_crest).intersection(box(104, 0, 116.5, 500))),
        ('low_back_lateral', torso.intersection(above_crest)),
        ('hip_lateral', nonarm.intersection(box(141.5, 250, 200, 302))),
        ('hip_posterior', nonarm.intersection(ell(135, 289, 6.5, 8))),
        ('buttock_upper_outer', butt.intersection(Polygon([(113, 240), (160, 240), (160, 282), (128, 280), (115, 270)]))),
        ('buttock_lower_medial', butt.intersection(Polygon([(CX, 294), (122, 299), (122, 330), (CX, 330)]))),
        ('buttock_lower_lateral', unary_union([butt, nonarm.intersection(box(122, 297, 160, 317))]).intersection(box(122, 297, 160, 330))),
        ('buttock_mid', butt),
        ('thigh_lateral', leg.intersection(box(CX, 317, 200, 354)).intersection(axis_split(*THIGH_AX, 13, 1))),
        ('thigh_back', leg.intersection(box(CX, 300, 200, 354))),
        ('knee_lateral', leg.intersection(box(CX, 354, 200, 388)).intersection(axis_split(*THIGH_AX, 7, 1))),
        ('knee_back', leg.intersection(box(CX, 354, 200, 388))),
        ('leg_lateral', leg.intersection(box(CX, 388, 200, 452)).intersection(axis_split(*SHANK_AX, 6, 1))),
        ('calf', leg.intersection(box(CX, 388, 200, 452))),
        ('ankle_foot', leg.intersection(box(CX, 452, 200, 500))),
    ]
    mids = {
        'lumbar_midline': BODY.intersection(box(CX - 4, 218, CX + 4, 254)),
        'sacrum': BODY.intersection(Polygon([(CX - 10, 255), (CX + 10, 255), (CX + 5, 284), (CX - 5, 284)])),
        'coccyx': BODY.intersection(Polygon([(CX - 5, 285), (CX + 5, 285), (CX, 296)]).buffer(1.5)),
    }
    result, taken = [], None
    for base, g in spec:
        midline = base in mids
        if midline:
            g = mids[base]
        if taken is not None:
            g = g.difference(taken)
        g = clean(g)
        if g.is_empty:
            raise SystemExit('empty back region ' + base)
        taken = g if taken is None else unary_union([taken, g])
        result.append((base, g, midline))
    return result


# ---------------------------------------------------------------- head inset: side profile (canonical faces +x)
def chaikin(pts, n=3):
    for _ in range(n):
        out = []
        for k in range(len(pts)):
            (x0, y0), (x1, y1) = pts[k], pts[(k + 1) % len(pts)]
            out += [(0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1), (0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1)]
        pts = out
    return pts


def profile(ox, oy, s):
    """Right-side profile (facing +x) centred on (ox, oy), unit s. Returns silhouette, [(base, polygon)], deco."""
    def T(pts):
        return [(ox + x * s, oy + y * s) for x, y in pts]

    def E(x, y, a, b):
        return ell(ox + x * s, oy + y * s, a * s, b * s)
    cranium = E(-0.10, -0.14, 0.98, 0.96)
    outline = [(0.40, -0.92), (0.74, -0.62), (0.86, -0.34), (0.86, -0.20), (0.84, -0.10), (0.96, 0.06),
               (1.10, 0.22), (1.08, 0.28), (0.96, 0.31), (0.95, 0.36), (0.98, 0.44), (0.93, 0.50),
               (0.96, 0.57), (0.88, 0.64), (0.93, 0.74), (0.84, 0.86), (0.56, 0.88), (0.40, 0.92),
               (0.44, 1.20), (0.50, 1.46), (-0.60, 1.46), (-0.52, 1.06), (-0.56, 0.70), (-0.90, 0.20)]
    face = Polygon(T(chaikin(outline, 3)))
    sil = unary_union([cranium, face]).buffer(0.02 * s, RES).buffer(-0.02 * s, RES)
    sil = sil.intersection(box(ox - 2 * s, oy - 2 * s, ox + 2 * s, oy + 1.42 * s))
    jaw_line = LineString(T(chaikin([(0.02, 0.36), (0.06, 0.62), (0.40, 0.80), (0.86, 0.78)], 2)))
    spec = [
        ('ear_tmj', E(0.05, 0.06, 0.25, 0.28)),
        ('mastoid', E(-0.34, 0.40, 0.20, 0.22)),
        ('jaw', jaw_line.buffer(0.14 * s, RES).intersection(box(ox - s, oy + 0.30 * s, ox + 2 * s, oy + 2 * s))),
        ('temple', E(0.40, -0.30, 0.30, 0.27)),
        ('neck_lateral', Polygon(T([(0.38, 0.78), (0.50, 1.36), (-0.58, 1.36), (-0.54, 0.60), (-0.16, 0.62)]))),
    ]
    regs = claim(sil, spec)
    ear = Polygon(T(chaikin([(-0.02, -0.16), (0.10, -0.12), (0.12, 0.06), (0.06, 0.26), (-0.06, 0.28),
                              (-0.14, 0.14), (-0.16, -0.06)], 3))).exterior.buffer(0.012 * s)
    eye = Polygon(T(chaikin([(0.70, -0.06), (0.80, -0.10), (0.86, -0.05), (0.79, -0.03)], 2)))
    brow = LineString(T([(0.64, -0.22), (0.78, -0.25), (0.86, -0.21)])).buffer(0.012 * s)
    return sil, regs, [ear, eye, brow]


def face_features(cx, cy, rx, ry):
    def T(pts):
        return [(cx + u * rx, cy + v * ry) for u, v in pts]
    out = []
    for sgn in (1, -1):
        eye = Polygon(T(chaikin([(sgn * 0.22, 0.0), (sgn * 0.38, -0.06), (sgn * 0.54, 0.0), (sgn * 0.38, 0.04)], 2)))
        out.append(eye)
    out.append(LineString(T([(-0.06, 0.26), (0.0, 0.29), (0.06, 0.26)])).buffer(0.7))
    out.append(LineString(T(chaikin([(-0.22, 0.53), (0.0, 0.555), (0.22, 0.53)], 2))).buffer(0.8))
    return out


# ---------------------------------------------------------------- output
def d(g, ndig=1):
    polys = [g] if g.geom_type == 'Polygon' else [p for p in g.geoms if p.geom_type == 'Polygon']
    parts = []
    for p in polys:
        p = p.simplify(0.22, preserve_topology=True)
        for ring in [p.exterior] + list(p.interiors):
            cs = list(ring.coords)[:-1]
            s = 'M' + ' '.join('%s %s' % (fmt(x, ndig), fmt(y, ndig)) for x, y in cs) + 'Z'
            parts.append(s)
    return ''.join(parts)


def fmt(v, ndig):
    s = ('%.' + str(ndig) + 'f') % v
    s = s.rstrip('0').rstrip('.') if '.' in s else s
    return '0' if s == '-0' else s


SMALL = 90.0  # region area (view units^2) under which we add an enlarged invisible hit area


def tile(g):
    t = g.buffer(-GAP / 2, RES, join_style=1)
    r = t.buffer(-ROUND, RES).buffer(ROUND, RES)
    return clean(r if not r.is_empty and r.area > 0.6 * t.area else t)


GAP, ROUND = 1.1, 1.6


def region_el(rid, g, indent, tab):
    return (indent + '<g class="bm-r" data-region="{id}" role="checkbox" tabindex="{tab}"'
            ' th:aria-label="${{labels.get(\'{id}\')}} ?: \'{id}\'"'
            ' th:aria-checked="${{selected.contains(\'{id}\')}}"'
            ' th:classappend="${{selected.contains(\'{id}\')}} ? \'is-on\'">'
            '<path class="bm-s" d="{d}"/></g>').format(id=rid, d=d(tile(g)), tab=tab)

def sided(regs, canonical_side, cx):
    """regs: (base, geom, midline). Returns [(id, geom)] for both sides."""
    other = 'R' if canonical_side == 'L' else 'L'
    out = []
    for base, g, mid in regs:
        if mid:
            out.append((base, g))
        else:
            out.append(('%s_%s' % (base, other), mirror(g, cx)))
            out.append(('%s_%s' % (base, canonical_side), g))
    return out


def min_dim(g):
    r = g.minimum_rotated_rectangle
    xs = list(r.exterior.coords)
    a = Point(xs[0]).distance(Point(xs[1]))
    b = Point(xs[1]).distance(Point(xs[2]))
    return min(a, b)


def emit_regions(items, indent, small):
    """Regions in reading order (top to bottom, then left to right); the enlarged, invisible hit areas of small
    regions go in one group after them, so that they sit on top of their larger neighbours."""
    def key(t):
        c = t[1].centroid
        return (round(c.y / 9.0), c.x)
    items = sorted(items, key=key)
    # roving tabindex: one tab stop per view, arrow keys (body-map.js) move within it
    lines = [region_el(rid, g, indent, 0 if k == 0 else -1) for k, (rid, g) in enumerate(items)]
    hits = [(rid, g) for rid, g in items if min_dim(g) < small]
    if hits:
        # each enlarged area grows into big neighbours and the margin, never into another small region
        smalls = unary_union([g for _, g in hits])
        lines.append(indent + '<g class="bm-hits" aria-hidden="true">')
        for rid, g in hits:
            grow = g.buffer(small * 0.32, RES).difference(smalls.difference(g).buffer(0.3))
            lines.append(indent + '  <path class="bm-hit" data-hit="%s" d="%s"/>' % (rid, d(clean(grow))))
        lines.append(indent + '</g>')
    return '\n'.join(lines)

def view_svg(kind, vb, body_d, items, deco, markers, indent, small):
    lines = []
    lines.append(indent + '<svg class="bm-svg bm-svg--%s" viewBox="%s" role="group" focusable="false"'
                 ' th:aria-label="#{painmap.view.%s}">' % (kind, vb, kind))
    lines.append(indent + '  <path class="bm-body" d="%s"/>' % body_d)
    lines.append(emit_regions(items, indent + '  ', small))
    for dd in deco:
        lines.append(indent + '  <path class="bm-deco" d="%s"/>' % dd)
    for x, y, side in markers:
        key = 'painmap.side.right.short' if side == 'R' else 'painmap.side.left.short'
        lines.append(indent + '  <text class="bm-side" x="%s" y="%s" aria-hidden="true" th:text="#{%s}"></text>'
                     % (fmt(x, 1), fmt(y, 1), key))
    lines.append(indent + '</svg>')
    return '\n'.join(lines)


GROUPS = [
    ('head', ['vertex', 'forehead', 'temple', 'eyebrow', 'eye_orbit', 'cheek', 'ear_tmj', 'jaw', 'teeth_upper',
              'teeth_lower', 'mastoid', 'occiput']),
    ('neck', ['throat', 'neck_posterior', 'neck_lateral', 'neck_angle']),
    ('shoulder', ['shoulder_top', 'shoulder_front', 'shoulder_lateral', 'shoulder_back']),
    ('arm', ['upper_arm_front', 'upper_arm_back', 'forearm_radial', 'forearm_ulnar', 'hand_thumb_index',
             'hand_ulnar_fingers']),
    ('chest', ['sternum', 'chest_upper', 'abdomen_upper', 'abdomen_lower', 'groin', 'pelvis_internal']),
    ('upper_back', ['scapula_medial_border', 'scapula_body', 'scapula_inferior_angle', 'mid_back',
                    'lower_ribs_posterior']),
    ('low_back', ['lumbar_midline', 'low_back_paraspinal', 'low_back_lateral', 'iliac_crest', 'si_joint', 'sacrum',
                  'coccyx']),
    ('hip', ['buttock_upper_outer', 'buttock_mid', 'buttock_lower_medial', 'buttock_lower_lateral', 'hip_lateral',
             'hip_front', 'hip_posterior']),
    ('leg', ['thigh_front', 'thigh_medial', 'thigh_lateral', 'thigh_back', 'knee_front', 'knee_medial',
             'knee_lateral', 'knee_back', 'calf', 'leg_lateral', 'shin', 'ankle_foot']),
]
MIDLINE = {'sternum', 'lumbar_midline', 'sacrum', 'coccyx', 'pelvis_internal'}


def checkbox_list(indent):
    lines = []
    for key, bases in GROUPS:
        lines.append(indent + '<fieldset class="bm-group">')
        lines.append(indent + '  <legend th:text="#{painmap.group.%s}"></legend>' % key)
        ids = []
        for b in bases:
            ids += [b] if b in MIDLINE else [b + '_R', b + '_L']
        for rid in ids:
            lines.append(indent + ('  <label class="bm-opt"><input type="checkbox"'
                                   ' th:name="${{bodyMapField}} ?: \'regions\'" th:value="\'{id}\'" th:checked="${{selected.contains(\'{id}\')}}">'
                                   '<span th:text="${{labels.get(\'{id}\')}} ?: \'{id}\'"></span></label>').format(id=rid))
        lines.append(indent + '</fieldset>')
    return '\n'.join(lines), sum(len(b) for _, b in GROUPS)


def main():
    # FRONT
    fr = sided(front_view(), 'L', CX)
    bk = sided(back_view(), 'R', CX)
    minx, miny, maxx, maxy = BODY.bounds
    pad = 6
    vb_fig = '%s %s %s %s' % (fmt(minx - pad, 1), fmt(miny - pad, 1), fmt(maxx - minx + 2 * pad, 1),
                              fmt(maxy - miny + 2 * pad, 1))
    body_d = d(BODY)
    navel = ell(CX, 222, 1.6, 2.2)
    front_deco = [d(navel)]
    spine = LineString([(CX, 100), (CX, 216)]).buffer(0.5)
    back_deco = [d(spine)]
    mk_y = miny - 2
    front_markers = [(CX - 52, 60, 'R'), (CX + 52, 60, 'L')]
    back_markers = [(CX - 52, 60, 'L'), (CX + 52, 60, 'R')]

    # HEAD INSET: face on top, right profile bottom-left (faces right), left profile bottom-right (faces left)
    W = 400
    fcx, fcy, frx, fry = 200.0, 92.0, 62.0, 76.0
    # temple and jaw are on the profiles of this same inset, so the close-up face leaves them plain
    face = [(b, g, False) for b, g in face_regions(fcx, fcy, frx, fry) if b not in ('temple', 'jaw')]
    face_items = sided(face, 'L', fcx)
    face_sil = ell(fcx, fcy, frx, fry)
    neck_f = box(fcx - 32, fcy + 50, fcx + 32, fcy + 100)
    ears_f = sym(ell(fcx + frx + 4, fcy + 6, 8, 17), fcx)
    face_body = smooth(unary_union([face_sil, neck_f]), 4).union(ears_f)
    s = 64.0
    rox, roy = 104.0, 296.0
    sil_r, regs_r, deco_r = profile(rox, roy, s)
    ins_items = list(face_items)
    for b, g in regs_r:
        ins_items.append((b + '_R', g))
    lox = W - rox
    for b, g in regs_r:
        ins_items.append((b + '_L', mirror(g, W / 2)))
    sil_l = mirror(sil_r, W / 2)
    ins_body = unary_union([face_body, sil_r, sil_l])
    ins_deco = [d(g) for g in deco_r] + [d(mirror(g, W / 2)) for g in deco_r] + \
               [d(g) for g in face_features(fcx, fcy, frx, fry)]
    ins_markers = [(fcx - frx - 34, fcy - 20, 'R'), (fcx + frx + 34, fcy - 20, 'L'),
                   (rox - 70, roy - 74, 'R'), (lox + 70, roy - 74, 'L')]
    ix0, iy0, ix1, iy1 = ins_body.bounds
    vb_ins = '0 %s %s %s' % (fmt(iy0 - 6, 1), W, fmt(iy1 - iy0 + 12, 1))

    ids_seen = set(i for i, _ in fr) | set(i for i, _ in bk) | set(i for i, _ in ins_items)
    clist, nbase = checkbox_list('      ')
    assert nbase == 63, nbase
    all_ids = set()
    for _, bases in GROUPS:
        for b in bases:
            all_ids |= {b} if b in MIDLINE else {b + '_R', b + '_L'}
    assert len(all_ids) == 121, len(all_ids)
    missing = all_ids - ids_seen
    extra = ids_seen - all_ids
    assert not missing and not extra, (missing, extra)
    for items in (fr, bk, ins_items):
        ids = [i for i, _ in items]
        assert len(ids) == len(set(ids)), 'duplicate in a view'

    html = []
    html.append('<!DOCTYPE html>')
    html.append('<!--/* Generated by src/test/resources/bodymap-preview/gen_body_map.py: edit the generator, not this file.')
    html.append('     Fragment bodyMap(labels, selected): labels = Map<String,String> region id -> localized label,')
    html.append('     selected = Set<String> of selected region ids; the checkboxes are named')
    html.append('     by the variable bodyMapField when the caller sets it (th:with), else "regions". Needs /css/body-map.css and /js/body-map.js. */-->')
    html.append('<html xmlns:th="http://www.thymeleaf.org">')
    html.append('<body>')
    html.append('<div class="bm" data-bodymap th:fragment="bodyMap(labels, selected)"'
                ' th:with="labels=${labels} ?: ${ {:} }, selected=${selected} ?: ${ {} }">')
    html.append('  <p class="bm-hint" th:text="#{painmap.hint}"></p>')
    html.append('  <div class="bm-views">')
    html.append('    <figure class="bm-view bm-view--front">')
    html.append('      <figcaption class="bm-cap" th:text="#{painmap.view.front}"></figcaption>')
    html.append(view_svg('front', vb_fig, body_d, fr, front_deco, front_markers, '      ', 11))
    html.append('    </figure>')
    html.append('    <figure class="bm-view bm-view--back">')
    html.append('      <figcaption class="bm-cap" th:text="#{painmap.view.back}"></figcaption>')
    html.append(view_svg('back', vb_fig, body_d, bk, back_deco, back_markers, '      ', 11))
    html.append('    </figure>')
    html.append('    <figure class="bm-view bm-view--head">')
    html.append('      <figcaption class="bm-cap" th:text="#{painmap.view.head}"></figcaption>')
    html.append(view_svg('head', vb_ins, d(ins_body), ins_items, ins_deco, ins_markers, '      ', 24))
    html.append('    </figure>')
    html.append('  </div>')
    html.append('  <details class="bm-list" open>')
    html.append('    <summary th:text="#{painmap.list.summary}"></summary>')
    html.append('    <div class="bm-groups">')
    html.append(clist)
    html.append('    </div>')
    html.append('  </details>')
    html.append('</div>')
    html.append('</body>')
    html.append('</html>')
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        f.write('\n'.join(html) + '\n')
    print('wrote', OUT, 'front', len(fr), 'back', len(bk), 'inset', len(ins_items))
    print('hit areas: front', sum(min_dim(g) < 11 for _, g in fr), 'back', sum(min_dim(g) < 11 for _, g in bk),
          'inset', sum(min_dim(g) < 24 for _, g in ins_items))


if __name__ == '__main__':
    main()
