import { describe, expect, it } from 'vitest';
import { initialsOf } from './initials';

describe('initialsOf', () => {
  it.each([
    ['Dana Whitfield', 'dana.whitfield@acme.example', 'DW'],
    ['Tomás Álvarez', 'tomas@umbrella.example', 'TÁ'],
    ['Cher', 'cher@x.example', 'C'],
    [undefined, 'dana.whitfield@acme.example', 'DW'],
    [undefined, 'jane_doe-smith@x.example', 'JS'],
    ['', 'bob@x.example', 'B'],
    [undefined, '123@x.example', '?'],
  ])('%s <%s> → %s', (name, email, expected) => {
    expect(initialsOf(name, email)).toBe(expected);
  });
});
