import { describe, expect, it } from 'vitest';
import { socketUrl } from './live';

describe('socketUrl', () => {
  it('opens the socket on the page origin, secure when the page is', () => {
    expect(socketUrl('/graphql', { protocol: 'https:', host: 'crm.example.com' })).toBe('wss://crm.example.com/graphql');
    expect(socketUrl('/graphql', { protocol: 'http:', host: '127.0.0.1:8000' })).toBe('ws://127.0.0.1:8000/graphql');
  });

  it('keeps an absolute API address, switching http to ws', () => {
    expect(socketUrl('https://api.example.com/graphql')).toBe('wss://api.example.com/graphql');
    expect(socketUrl('ws://localhost/graphql')).toBe('ws://localhost/graphql');
  });
});
