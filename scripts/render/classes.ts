/** An element's classes, as hast keeps them (`className`, an array when there are any). */
import type { Element } from 'hast';

export function classesOf(element: Element): string[] {
  const classes = element.properties.className;
  return Array.isArray(classes) ? classes.map(String) : [];
}

export function hasClass(element: Element, name: string): boolean {
  return classesOf(element).includes(name);
}
