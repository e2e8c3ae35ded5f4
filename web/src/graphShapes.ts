/**
 * What sigma compiles into its one node program and one edge program: the five kind shapes
 * (KIND_STYLE's ellipse, round-rectangle, star, triangle, diamond) and arrowed edges.
 */
import type { CustomNodeShape } from 'sigma/primitives';
import {
  extremityArrow,
  layerFill,
  layerPlain,
  pathLine,
  sdfCircle,
  sdfDiamond,
  sdfSquare,
  sdfTriangle,
} from 'sigma/rendering';

/**
 * Sigma has no star: a five-pointed one as a signed distance (Inigo Quilez's sdStar5), its
 * outer radius the node's size like the circle's, its inner radius about half of it.
 */
const star: CustomNodeShape = {
  name: 'star',
  inradiusFactor: 0.5,
  glsl: /* glsl */ `
float sdf_star(vec2 uv, float size) {
  const vec2 k1 = vec2(0.809016994375, -0.587785252292);
  const vec2 k2 = vec2(-k1.x, k1.y);
  float inner = 0.5;
  vec2 p = vec2(abs(uv.x), uv.y);
  p -= 2.0 * max(dot(k1, p), 0.0) * k1;
  p -= 2.0 * max(dot(k2, p), 0.0) * k2;
  p.x = abs(p.x);
  p.y -= size;
  vec2 ba = inner * vec2(-k1.y, k1.x) - vec2(0.0, 1.0);
  float h = clamp(dot(p, ba) / dot(ba, ba), 0.0, size);
  return length(p - ba * h) * sign(p.y * ba.x - p.x * ba.y);
}
`,
};

export const PRIMITIVES = {
  nodes: {
    shapes: [sdfCircle(), sdfSquare({ cornerRadius: 0.25 }), star, sdfTriangle(), sdfDiamond()],
    layers: [layerFill()],
  },
  edges: {
    // straight lines only: every path compiled in costs every edge its vertices (a loop path
    // doubled the GPU time of 30,000 edges), and a relationship never links an entity to itself
    paths: [pathLine()],
    extremities: [extremityArrow()],
    layers: [layerPlain()],
  },
};
