/**
 * What a placement search starts from (`scripts/pdf/placement/search.ts`): the last build's
 * plan and the holes it could not solve, when the same tool made them. A memo of another tool
 * is not taken: that tool may have lacked a move this one has, and its "could not solve" would
 * keep this one from trying (a page the cold build fills would stay short).
 */
import { describe, expect, it } from 'vitest';
import { PlacementSearch } from '../../../scripts/pdf/placement/search.ts';
import { toolVersion } from '../../../scripts/util/fingerprint.ts';

const memo = { plan: { 'art-tips': { [-1]: 'tight' as const } }, unsolved: { 'art-tips': 'runt' } };

describe('the placement memo of the last build', () => {
  it('is the starting point when this tool made it', () => {
    const search = new PlacementSearch({ ...memo, tool: toolVersion() });
    expect(search.plan).toEqual(memo.plan);
    expect(search.memo(new Map()).tool).toBe(toolVersion());
  });

  it('is not taken from another tool, or from one that did not say', () => {
    expect(new PlacementSearch({ ...memo, tool: 'another' }).plan).toEqual({});
    expect(new PlacementSearch(memo).plan).toEqual({});
    // What the search then remembers is its own, unsolved holes included.
    expect(new PlacementSearch(memo).memo(new Map()).unsolved).toEqual({});
  });
});
