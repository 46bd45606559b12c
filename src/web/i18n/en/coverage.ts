/** What the loaded logs can and cannot show (source-coverage feature). Namespace `coverage`. */
export const coverage = {
  label: 'Coverage',
  unknown:
    'This dataset does not record which events its logs held: no detection does not mean nothing happened.',
  eventsRead: 'Events read: ',
  noneRead: 'none of the analysed event IDs',
  moreIds: ', … and {{count, number}} more',
  blindLabel: 'Detections that could not fire',
  blind_one:
    '{{count, number}} detection could not fire because its events are absent; silence there is not proof of absence:',
  blind_other:
    '{{count, number}} detections could not fire because their events are absent; silence there is not proof of absence:',
  sigmaLabel: 'Sigma rules',
  sigmaRun_one: 'Sigma: {{count, number}} rule run.',
  sigmaRun_other: 'Sigma: {{count, number}} rules run.',
  sigmaRunNotRun_one: 'Sigma: {{count, number}} rule run, {{notRun, number}} not run.',
  sigmaRunNotRun_other: 'Sigma: {{count, number}} rules run, {{notRun, number}} not run.',
  notRun: 'Rules not run',
  unsupported: 'unsupported',
  invalid: 'invalid',
  more: '… and {{count, number}} more',
};
