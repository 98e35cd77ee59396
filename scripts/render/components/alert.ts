/**
 * GitHub alerts (`> [!NOTE]`, marked by `markdown/alerts.ts`) as note boxes: `role="note"`,
 * named by their visible label in the language, coloured per kind by the theme.
 * A quote that is not an alert is rendered as any quote.
 */
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { Blockquote } from 'mdast';
import { defaultHandlers, type Handler, type State } from 'mdast-util-to-hast';
import type { AlertKind } from '../../markdown/alerts.ts';

type AlertLabels = Record<AlertKind, string>;

const labelsByLanguage: Record<string, AlertLabels> = {
  nl: { note: 'Opmerking', tip: 'Tip', important: 'Belangrijk', warning: 'Waarschuwing', caution: 'Let op' },
  en: { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' },
  de: { note: 'Hinweis', tip: 'Tipp', important: 'Wichtig', warning: 'Warnung', caution: 'Achtung' },
  fr: { note: 'Remarque', tip: 'Astuce', important: 'Important', warning: 'Avertissement', caution: 'Attention' },
};

export function alertLabels(language: string): AlertLabels {
  return labelsByLanguage[language.split('-')[0]!.toLowerCase()] ?? labelsByLanguage.nl!;
}

/**
 * The block quote handler. `takenIds` are the ids the article already uses: each box's label
 * gets an id of its own so the box can be named by it (`aria-labelledby`).
 */
export function blockquoteWithAlerts(language: string, takenIds: Iterable<string>): Handler {
  const labels = alertLabels(language);
  const taken = new Set(takenIds);
  let count = 0;
  const nextId = () => {
    let id: string;
    do id = `melding-${++count}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
  return (state: State, node: Blockquote): Element => {
    const kind = node.data?.alert;
    if (!kind) return defaultHandlers.blockquote(state, node) as Element;
    const id = nextId();
    return h(`aside.alert.alert-${kind}`, { role: 'note', ariaLabelledBy: id }, [
      h('p.alert-title', { id }, labels[kind]),
      ...state.wrap(state.all(node), true),
    ]);
  };
}
