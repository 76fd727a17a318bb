/** The example a new text body starts with, in the engine's syntax. */
export function textExample(engine: 'hookmap' | 'handlebars'): string {
  if (engine === 'handlebars') {
    return 'Meeting: {{common.title}}\nWhen: {{common.started_at}}\n\n{{common.summary}}\n{{#each common.action_items}}\n- {{text}}{{#if assignee}} ({{assignee}}){{/if}}\n{{/each}}\n';
  }
  return "Meeting: {{ common.title }}\nWhen: {{ common.started_at | date: '%Y-%m-%d %H:%M' }}\n\n{{ common.summary }}\n";
}
