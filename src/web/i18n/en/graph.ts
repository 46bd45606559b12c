/** The graph view: legend, notices, layout hints. Namespace `graph`. */
export const graph = {
  legend: {
    label: 'Legend',
    kinds: {
      privileged: 'privileged account',
      account: 'account',
      host: 'host',
      ip: 'IP address',
      domain: 'domain',
    },
    flagged: 'created/deleted/group/DCSync/DCShadow',
    failed: 'failed logons',
    someFailed: 'some logons failed',
    noted: 'analyst note or tag',
    compromised: 'tagged compromised',
    sizeAndColour: 'size and colour: ',
  },
  capped:
    'Showing {{shown, number}} of the {{total, number}} nodes that pass the filters (the most connected): narrow the window or add filters to see the rest.',
  downgraded: '{{layout}} is too slow for {{count, number}} nodes; using concentric (by rank).',
  area: 'Graph',
  computing: 'computing the window…',
  layingOut: 'laying out…',
  /** Shown by GraphCanvas (graph-canvas.tsx) when WebGL was asked for; the canvas is being reworked (graph14). */
  renderer: {
    software: 'No GPU here (WebGL would run on the CPU): drawing with the canvas renderer.',
    unavailable: 'WebGL is not available here: drawing with the canvas renderer.',
  },
  layoutHints: {
    fcose: 'force-directed (default); by rank above 1,500 nodes',
    cose: 'force-directed, slow; small graphs only',
    concentric: 'by rank: high scores in the middle; fast',
    other: 'fast',
  },
};
