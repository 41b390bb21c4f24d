import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Provider, type Client } from 'urql';
import { fromArray, never } from 'wonka';
import { PipelineChangedSubscription } from '../pages/sales/documents';
import { useLive } from './useLive';

function Board({ onPush, pause = false }: { onPush: () => void; pause?: boolean }) {
  useLive(PipelineChangedSubscription, {}, onPush, pause);
  return null;
}

const push = (title: string) => ({ data: { pipelineChanged: { action: 'update', opportunity: { id: title, version: 1, stage: { id: 's' } } } } });

function clientPushing(results: unknown[]): Client {
  return { executeSubscription: vi.fn(() => fromArray(results)) } as unknown as Client;
}

afterEach(() => vi.useRealTimers());

describe('useLive', () => {
  it('reloads once for a burst of pushes', () => {
    vi.useFakeTimers();
    const onPush = vi.fn();
    const client = clientPushing([push('a'), push('b'), push('c')]);
    render(<Provider value={client}><Board onPush={onPush} /></Provider>);
    expect(onPush).not.toHaveBeenCalled();
    act(() => { vi.runAllTimers(); });
    expect(onPush).toHaveBeenCalledTimes(1);
  });

  it('does nothing without pushes (no socket) and subscribes to nothing while paused', () => {
    vi.useFakeTimers();
    const onPush = vi.fn();
    const quiet = { executeSubscription: vi.fn(() => never) } as unknown as Client;
    render(<Provider value={quiet}><Board onPush={onPush} /></Provider>);
    const paused = clientPushing([push('a')]);
    render(<Provider value={paused}><Board onPush={onPush} pause /></Provider>);
    act(() => { vi.runAllTimers(); });
    expect(onPush).not.toHaveBeenCalled();
    expect(paused.executeSubscription).not.toHaveBeenCalled();
  });
});
