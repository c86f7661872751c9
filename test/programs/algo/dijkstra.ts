// Dijkstra's shortest paths on a small weighted graph (adjacency matrix, 0 = no edge).
import { showI32 } from "../lib/print";

const V = 6;
const INF: i32 = 0x3FFFFFFF;
const weight = new StaticArray<i32>(V * V);
const dist = new StaticArray<i32>(V);
const done = new StaticArray<bool>(V);

function edge(a: i32, b: i32, w: i32): void {
  weight[a * V + b] = w;
  weight[b * V + a] = w;
}

export function main(): i32 {
  edge(0, 1, 7); edge(0, 2, 9); edge(0, 5, 14); edge(1, 2, 10); edge(1, 3, 15);
  edge(2, 3, 11); edge(2, 5, 2); edge(3, 4, 6); edge(4, 5, 9);
  for (let i = 0; i < V; i++) dist[i] = INF;
  dist[0] = 0;
  for (let round = 0; round < V; round++) {
    let u: i32 = -1;
    for (let i = 0; i < V; i++) if (!done[i] && (u < 0 || dist[i] < dist[u])) u = i;
    done[u] = true;
    for (let v = 0; v < V; v++) {
      const w = weight[u * V + v];
      if (w != 0 && dist[u] + w < dist[v]) dist[v] = dist[u] + w;
    }
  }
  for (let i = 0; i < V; i++) showI32("dist", dist[i]);
  return 0;
}
