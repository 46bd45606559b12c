import cytoscape, { type ElementDefinition, type SingularElementArgument } from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { ADD_CHUNK, applyInSlices } from './apply-in-slices';

/** Edges listed before their nodes: the slices must still add every node first. */
function graph(nodes: number): ElementDefinition[] {
  const edges = Array.from({ length: nodes - 1 }, (_, i) => ({
    data: { id: `e${i}`, source: `n${i}`, target: `n${i + 1}` },
  }));
  const ns = Array.from({ length: nodes }, (_, i) => ({
    data: { id: `n${i}`, size: 1 },
    position: { x: i, y: 0 },
  }));
  return [...edges, ...ns];
}

describe('applyInSlices', () => {
  it('adds a big graph over several tasks, nodes before edges, and reports every element', async () => {
    const cy = cytoscape({ headless: true });
    const seen: string[] = [];
    let tasks = 0;
    const done = await applyInSlices(
      cy,
      { update: [], add: graph(ADD_CHUNK * 2) },
      () => {
        tasks++;
        return true;
      },
      (id) => seen.push(id),
    );
    expect(done).toBe(true);
    expect(tasks).toBeGreaterThanOrEqual(3);
    expect(cy.nodes()).toHaveLength(ADD_CHUNK * 2);
    expect(cy.edges()).toHaveLength(ADD_CHUNK * 2 - 1);
    expect(new Set(seen).size).toBe(ADD_CHUNK * 4 - 1);
    expect(cy.getElementById('n7').position()).toEqual({ x: 7, y: 0 });
    cy.destroy();
  });

  it('stops when newer elements take over, and reports only what it applied', async () => {
    const cy = cytoscape({ headless: true });
    const seen = new Set<string>();
    let live = true;
    const done = await applyInSlices(
      cy,
      { update: [], add: graph(ADD_CHUNK * 2) },
      () => live,
      (id) => {
        seen.add(id);
        live = false; // a new window arrived while the first slice was added
      },
    );
    expect(done).toBe(false);
    expect(cy.elements()).toHaveLength(ADD_CHUNK);
    expect(seen.size).toBe(ADD_CHUNK);
    for (const id of seen) expect(cy.getElementById(id).nonempty()).toBe(true);
    cy.destroy();
  });

  it('changes the data of elements that stay, in slices like additions', async () => {
    const cy = cytoscape({ headless: true, elements: graph(ADD_CHUNK + 5) });
    const update = cy
      .nodes()
      .map((n) => [n, { ...n.data(), size: 9 }] as [SingularElementArgument, Record<string, unknown>]);
    const done = await applyInSlices(
      cy,
      { update, add: [] },
      () => true,
      () => undefined,
    );
    expect(done).toBe(true);
    expect(cy.nodes().every((n) => n.data('size') === 9)).toBe(true);
    cy.destroy();
  });

  it('removes what goes in slices too, edges before their nodes', async () => {
    const cy = cytoscape({ headless: true, elements: graph(ADD_CHUNK + 5) });
    const done = await applyInSlices(
      cy,
      { remove: cy.elements(), update: [], add: [] },
      () => true,
      () => undefined,
    );
    expect(done).toBe(true);
    expect(cy.elements()).toHaveLength(0);
    cy.destroy();
  });

  it('removes each slice with one call (each call scans the whole graph)', async () => {
    const cy = cytoscape({ headless: true, elements: graph(ADD_CHUNK * 2) });
    const proto = Object.getPrototypeOf(cy.collection()) as { remove(): unknown };
    const remove = vi.spyOn(proto, 'remove');
    const done = await applyInSlices(
      cy,
      { remove: cy.elements(), update: [], add: [] },
      () => true,
      () => undefined,
    );
    expect(done).toBe(true);
    expect(cy.elements()).toHaveLength(0);
    expect(remove.mock.calls.length).toBeLessThanOrEqual(Math.ceil((ADD_CHUNK * 4) / ADD_CHUNK));
    remove.mockRestore();
    cy.destroy();
  });
});
