/** The explorer's view in the URL: what a shared link carries must come back whole. */
import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, parseViewState, serialiseViewState, type ViewState } from '../../web/src/urlState.js';

describe('the view in the URL', () => {
  it('says nothing of the default view, which opens on the case', () => {
    expect(serialiseViewState(EMPTY_STATE)).toBe('');
    expect(parseViewState('')).toEqual(EMPTY_STATE);
  });

  it('brings back every part of a view, IDs with base64 padding and slashes included', () => {
    const view: ViewState = {
      maxNodes: 1200,
      showCase: false,
      select: 'UGVyc29uOmFsZWMtYmFsZHdpbg==',
      expand: ['UGVyc29uOmFsZWMtYmFsZHdpbg==', 'UHJvZHVjdGlvbjpydXN0/+'],
      groups: [{ id: 'UHJvZHVjdGlvbjpydXN0|WORKED_ON|IN', pages: 3 }],
      path: { from: 'QQ==', to: null },
      filters: { kinds: ['PERSON', 'EVENT'], types: [], modalities: ['PLANNED'], from: '2021', to: '2022-06' },
      review: 'rust-article',
    };
    const search = serialiseViewState(view);
    expect(search).toMatch(/^\?max=1200&case=off&select=/);
    expect(parseViewState(search)).toEqual(view);
  });

  it('reads a hand-edited link leniently: a bad page count is one page, an empty path end is none', () => {
    const view = parseViewState('?groups=a|LED_TO|OUT*x&path=,QQ==');
    expect(view.groups).toEqual([{ id: 'a|LED_TO|OUT', pages: 1 }]);
    expect(view.path).toEqual({ from: null, to: 'QQ==' });
  });

  it('rebuilds no more than a drawing can hold, however much a link asks for', () => {
    const many = Array.from({ length: 80 }, (_, i) => `E${i}`).join(',');
    const view = parseViewState(`?expand=${many}&groups=a|WORKED_ON|IN*1000000000,${many}`);
    expect(view.expand).toHaveLength(50);
    expect(view.groups).toHaveLength(50);
    expect(view.groups[0]).toEqual({ id: 'a|WORKED_ON|IN', pages: 400 });
  });

  it('reopens the review of a source’s draft, and ignores a key longer than any the API takes', () => {
    expect(parseViewState('?review=variety-report').review).toBe('variety-report');
    expect(serialiseViewState({ ...EMPTY_STATE, review: 'a b&c' })).toBe('?review=a+b%26c');
    expect(parseViewState(serialiseViewState({ ...EMPTY_STATE, review: 'a b&c' })).review).toBe('a b&c');
    expect(parseViewState(`?review=${'x'.repeat(101)}`).review).toBeNull();
    expect(parseViewState('?review=').review).toBeNull();
  });

  it('keeps the most entities drawn at once within bounds, and ignores one that is not a number', () => {
    expect(parseViewState('?max=3').maxNodes).toBe(20);
    expect(parseViewState('?max=1000000').maxNodes).toBe(5000);
    expect(parseViewState('?max=lots').maxNodes).toBeNull();
  });
});
