// Caps of what crosses from the page after an axe run: shared by the page side (which cuts) and the schema (which refuses).
export const AXE_LIMITS = {
  rules: 200,
  nodes: 50,
  tags: 40,
  frameDepth: 10,
  selector: 1000,
  html: 300,
  summary: 1500,
} as const;
