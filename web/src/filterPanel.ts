/** The filters' controls: kinds, relationship types, modalities of the evidence, events' dates. */
import { MODALITIES } from '@case-graph/domain/claims.js';
import { KIND_STYLE } from '@case-graph/domain/kindStyle.js';
import { ENTITY_KINDS, KIND_NAME, RELATIONSHIP_TYPES } from '@case-graph/domain/kinds.js';
import { MODALITY_LABEL, relationshipLabel } from '@case-graph/domain/labels.js';
import { byId, element } from './dom.js';
import { boundOf, isFiltering } from './filters.js';
import { type FilterState, NO_FILTERS } from './urlState.js';

interface Choice {
  value: string;
  label: string;
  colour?: string;
}

const GROUPS: { key: 'kinds' | 'types' | 'modalities'; legend: string; choices: Choice[] }[] = [
  {
    key: 'kinds',
    legend: 'Kinds',
    choices: ENTITY_KINDS.map((k) => ({ value: k, label: KIND_NAME[k], colour: KIND_STYLE[k].colour })),
  },
  {
    key: 'types',
    legend: 'Relationships',
    choices: RELATIONSHIP_TYPES.map((t) => ({ value: t, label: relationshipLabel(t) })),
  },
  { key: 'modalities', legend: 'Evidence', choices: MODALITIES.map((m) => ({ value: m, label: MODALITY_LABEL[m] })) },
];

export interface FilterPanel {
  /** Shows `filters` in the controls (after a reload, Back, Clear). */
  show(filters: FilterState): void;
}

export function setUpFilterPanel(onChange: (filters: FilterState) => void): FilterPanel {
  const form = byId<HTMLFormElement>('filters');
  const boxes = new Map<string, HTMLInputElement[]>();
  const fieldsets = GROUPS.map(({ key, legend, choices }) => {
    const fieldset = element('fieldset');
    fieldset.append(element('legend', legend));
    const inputs = choices.map(({ value, label, colour }) => {
      const wrapper = element('label');
      const input = element('input');
      input.type = 'checkbox';
      input.name = key;
      input.value = value;
      input.checked = true;
      if (colour) {
        const swatch = element('span', '', 'swatch');
        swatch.style.background = colour;
        wrapper.append(input, swatch, label);
      } else wrapper.append(input, label);
      return { wrapper, input };
    });
    boxes.set(
      key,
      inputs.map((i) => i.input),
    );
    fieldset.append(...inputs.map((i) => i.wrapper));
    return fieldset;
  });
  byId('filter-groups').replaceChildren(...fieldsets);
  const from = byId<HTMLInputElement>('filter-from');
  const to = byId<HTMLInputElement>('filter-to');

  const read = (): FilterState => {
    const chosen = (key: string) => {
      const inputs = boxes.get(key) ?? [];
      const on = inputs.filter((i) => i.checked).map((i) => i.value);
      return on.length === inputs.length ? null : on;
    };
    return {
      kinds: chosen('kinds'),
      types: chosen('types'),
      modalities: chosen('modalities'),
      from: from.value.trim() || null,
      to: to.value.trim() || null,
    };
  };
  const markActive = (filters: FilterState) => {
    byId('filters-summary').textContent = isFiltering(filters) ? 'Filters (on)' : 'Filters';
    // a date the filter cannot read says so, rather than being ignored without a word
    from.setCustomValidity(
      filters.from && !boundOf(filters.from, 'from') ? 'A year, a month or a day: 2021, 2021-11, 2021-11-03' : '',
    );
    to.setCustomValidity(
      filters.to && !boundOf(filters.to, 'to') ? 'A year, a month or a day: 2021, 2021-11, 2021-11-03' : '',
    );
  };
  form.addEventListener('input', () => {
    const filters = read();
    markActive(filters);
    onChange(filters);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  byId('filters-reset').addEventListener('click', () => {
    show(NO_FILTERS);
    onChange(NO_FILTERS);
  });

  const show = (filters: FilterState) => {
    for (const { key } of GROUPS) {
      const on = filters[key];
      for (const input of boxes.get(key) ?? []) input.checked = !on || on.includes(input.value);
    }
    from.value = filters.from ?? '';
    to.value = filters.to ?? '';
    markActive(filters);
  };
  return { show };
}
