// Realm administrators: the schema in force, validating and storing a new one.

import { getSchema, putSchema, validateSchema } from './api.js';
import { h, replace } from './dom.js';
import { act, failure, view } from './ui.js';

export async function schemaPage() {
  let current = null;
  try {
    current = await getSchema();
  } catch (error) {
    if (error.status !== 404) {
      throw error;
    }
  }
  const problems = h('div', { id: 'schema-problems', 'aria-live': 'polite' });
  const text = h('textarea', { id: 'schema-text', name: 'schema', rows: 20, spellcheck: 'false' });
  text.value = current ? JSON.stringify(current.document, null, 2) : '';
  replace(view,
    h('h1', {}, 'Tenancy schema'),
    h('p', {}, current ? `In force: ${current.id} version ${current.version} (revision ${current.revision}).` : 'This realm has no tenancy schema yet.'),
    h('form', { id: 'schema-form', onSubmit: event => {
      event.preventDefault();
      act(() => putSchema(text.value), 'Schema stored.');
    } },
    h('label', { for: 'schema-text' }, 'Schema document (YAML or JSON)'),
    text,
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'secondary', id: 'schema-validate', onClick: async () => {
        try {
          const result = await validateSchema(text.value);
          replace(problems, result.valid ? h('p', { class: 'allowed' }, 'The schema is valid.')
            : h('ul', { class: 'denied' }, [...result.problems.map(p => h('li', {}, `${p.path}: ${p.message}`)), ...result.conflicts.map(c => h('li', {}, c))]));
        } catch (error) {
          failure(error);
        }
      } }, 'Validate'),
      h('button', { type: 'submit' }, 'Store'))),
    problems);
}
