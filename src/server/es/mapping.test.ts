import { describe, expect, it } from 'vitest';
import { aggregatableName, encodeIndexPattern, parseMappingResponse } from './mapping.js';
import { parseClusterInfo } from './info.js';

describe('mapping detection', () => {
  const answer = {
    'winlogbeat-8.12.0': {
      mappings: {
        properties: {
          '@timestamp': { type: 'date' },
          winlog: {
            properties: {
              event_id: { type: 'keyword' },
              computer_name: { type: 'keyword' },
              event_data: { properties: { TargetUserName: { type: 'keyword' } } },
            },
          },
          source: { properties: { ip: { type: 'ip' } } },
        },
      },
    },
    'no-template': {
      mappings: {
        properties: {
          event_id: { type: 'long' },
          computer_name: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 256 } } },
          event_data: {
            properties: { TargetUserName: { type: 'text', fields: { raw: { type: 'keyword' } } } },
          },
          message: { type: 'text' },
        },
      },
    },
  };
  it('flattens fields and finds the aggregatable name of each', () => {
    const [plain, wlb] = parseMappingResponse(answer);
    expect(wlb?.shapes).toEqual(['ecs']);
    expect(plain?.shapes).toEqual(['winlogbeat6']);
    expect(
      aggregatableName(
        'winlog.event_data.TargetUserName',
        wlb?.fields.get('winlog.event_data.TargetUserName'),
      ),
    ).toBe('winlog.event_data.TargetUserName');
    expect(aggregatableName('source.ip', wlb?.fields.get('source.ip'))).toBe('source.ip');
    expect(aggregatableName('computer_name', plain?.fields.get('computer_name'))).toBe(
      'computer_name.keyword',
    );
    expect(
      aggregatableName('event_data.TargetUserName', plain?.fields.get('event_data.TargetUserName')),
    ).toBe('event_data.TargetUserName.raw');
    expect(aggregatableName('message', plain?.fields.get('message'))).toBeNull();
    expect(aggregatableName('absent', undefined)).toBeNull();
  });
  it('accepts only index-name characters in patterns (they go into the URL path)', () => {
    expect(encodeIndexPattern(' winlogbeat-*, logs-system.security-* ')).toBe(
      'winlogbeat-*,logs-system.security-*',
    );
    expect(() => encodeIndexPattern('../_cluster/settings')).toThrow();
    expect(() => encodeIndexPattern('a/b')).toThrow();
    expect(() => encodeIndexPattern('x?y')).toThrow();
    expect(() => encodeIndexPattern('')).toThrow();
  });
  it('tells Elasticsearch from OpenSearch and which PIT API each has', () => {
    expect(parseClusterInfo({ version: { number: '8.15.1' } })).toMatchObject({
      distribution: 'elasticsearch',
      pit: 'elasticsearch',
    });
    expect(parseClusterInfo({ version: { number: '7.9.3' } }).pit).toBe('none');
    expect(parseClusterInfo({ version: { number: '2.19.6', distribution: 'opensearch' } }).pit).toBe(
      'opensearch',
    );
    expect(parseClusterInfo({ version: { number: '1.3.0', distribution: 'opensearch' } }).pit).toBe('none');
    expect(() => parseClusterInfo({ hello: 'world' })).toThrow(/does not look like/);
  });
});
