import { describe, expect, it } from 'vitest';
import { events, isEventChannel, isRequestChannel, requests } from '../../../shared/contract/api';

const requestNames = Object.keys(requests);
const eventNames = Object.keys(events);
const prototypeKeys = ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'];

describe('contract api', () => {
  it('names every request channel domain:verb', () => {
    for (const name of requestNames) expect(name).toMatch(/^[a-z]+:[a-z][a-zA-Z]*$/);
  });

  it('names every event channel domain:onX', () => {
    for (const name of eventNames) expect(name).toMatch(/^[a-z]+:on[A-Z][a-zA-Z]*$/);
  });

  it('declares who serves each request, and zod schemas for its input and output', () => {
    for (const [name, spec] of Object.entries(requests)) {
      expect(['host', 'engine'], name).toContain(spec.servedBy);
      expect(typeof spec.input.safeParse, name).toBe('function');
      expect(typeof spec.output.safeParse, name).toBe('function');
    }
    for (const [name, schema] of Object.entries(events))
      expect(typeof schema.safeParse, name).toBe('function');
  });

  it('starts with app:info and engine:status (host) and engine:ping (engine), and the status event', () => {
    expect(requests['app:info'].servedBy).toBe('host');
    expect(requests['engine:status'].servedBy).toBe('host');
    expect(requests['engine:ping'].servedBy).toBe('engine');
    expect(eventNames).toContain('engine:onStatus');
  });

  it('accepts no bare string, number, null or array as any input', () => {
    for (const [name, spec] of Object.entries(requests)) {
      for (const junk of ['text', 1, null, undefined, []]) {
        expect(spec.input.safeParse(junk).success, `${name} ${JSON.stringify(junk)}`).toBe(false);
      }
    }
  });

  it('recognises exactly its own request channels', () => {
    for (const name of requestNames) expect(isRequestChannel(name), name).toBe(true);
    for (const name of [...eventNames, ...prototypeKeys, 'app:INFO', 'app:info ', '']) {
      expect(isRequestChannel(name), name).toBe(false);
    }
    for (const value of [1, null, undefined, {}, ['app:info']]) expect(isRequestChannel(value)).toBe(false);
  });

  it('recognises exactly its own event channels', () => {
    for (const name of eventNames) expect(isEventChannel(name), name).toBe(true);
    for (const name of [...requestNames, ...prototypeKeys, 'engine:onstatus']) {
      expect(isEventChannel(name), name).toBe(false);
    }
    expect(isEventChannel(7)).toBe(false);
  });
});
