/**
 * True when `value` nests objects or arrays deeper than `maxDepth` (the top level is depth 1). Walks iteratively, so
 * a hostile body of 100,000 nested brackets cannot overflow the stack here, and stops at the first level too deep.
 */
export function jsonDepthExceeds(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > maxDepth) return true;
    const children = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
