// cytoscape-svg ships no types: it is a Cytoscape extension (registered with `cytoscape.use`).
declare module 'cytoscape-svg' {
  import type cytoscape from 'cytoscape';
  const register: cytoscape.Ext;
  export default register;
}
