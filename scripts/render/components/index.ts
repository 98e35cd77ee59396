/** The magazine's components, by directive name. Adding one is adding a file and a line here. */
import { kader, meerInfo } from './box.ts';
import { figure } from './figure.ts';
import { pullquote } from './pullquote.ts';
import { speaker } from './speaker.ts';
import type { Component } from './types.ts';

export const components: ReadonlyMap<string, Component> = new Map(
  [pullquote, kader, meerInfo, figure, speaker].map((component) => [`${component.type}:${component.name}`, component]),
);

export function componentFor(type: string, name: string): Component | undefined {
  return components.get(`${type}:${name}`);
}
