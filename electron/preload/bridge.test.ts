import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, ipcChannelOf } from '../core/api/methods';
import { createTallyroomBridge } from './bridge';

describe('createTallyroomBridge', () => {
  it('has exactly one function per API method and nothing else', () => {
    const bridge = createTallyroomBridge(vi.fn());
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(typeof bridge[method]).toBe('function');
  });

  it("sends each call on its method's own channel with the input unchanged", async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: 'done' }));
    const bridge = createTallyroomBridge(invoke);
    const input = { operator: 'Demo' };
    await expect(bridge.loadDemoCounty(input)).resolves.toEqual({ ok: true, value: 'done' });
    expect(invoke).toHaveBeenCalledWith(ipcChannelOf('loadDemoCounty'), input);
  });

  it('cannot be changed by the page', () => {
    const bridge = createTallyroomBridge(vi.fn());
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});
