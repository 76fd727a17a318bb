/**
 * Two Monaco languages: `hookmap-json` (JSON templates) and `hookmap-text` (text bodies), both
 * colouring `{{ }}` / `<< >>` placeholders, their paths, filters and literals.
 */
import type { Monaco } from './env.js';

export const JSON_LANGUAGE = 'hookmap-json';
export const TEXT_LANGUAGE = 'hookmap-text';

type Rule = [RegExp, string | { token: string; next?: string }];

function expressionRules(close: RegExp): Rule[] {
  return [
    [close, { token: 'placeholder.delimiter', next: '@pop' }],
    [/\|\s*[A-Za-z_]+/, 'placeholder.filter'],
    [/\\"(?:[^"\\]|\\[^"])*\\"/, 'placeholder.literal'],
    [/'[^']*'/, 'placeholder.literal'],
    [/-?\d+(\.\d+)?/, 'placeholder.literal'],
    [/\b(true|false|null)\b/, 'placeholder.literal'],
    [/\$[^\s|}>]*/, 'placeholder.jsonpath'],
    [/[A-Za-z_][\w]*/, 'placeholder.path'],
    [/(\?\?|\|\||&&|==|!=|<=|>=|[!?:<>])/, 'placeholder.operator'],
    [/"/, { token: 'string', next: '@popall' }],
    [/[^}>"]/, 'placeholder'],
    [/[}>]/, 'placeholder'],
  ];
}

function stringRules(token: string): Rule[] {
  return [
    [/\\\{\{|\\<</, 'string.escape'],
    [/\{\{/, { token: 'placeholder.delimiter', next: '@braces' }],
    [/<</, { token: 'placeholder.delimiter', next: '@angles' }],
    [/\\./, 'string.escape'],
    [/"/, { token, next: '@pop' }],
    [/[^"\\{<]+/, token],
    [/./, token],
  ];
}

export function registerLanguages(monaco: Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === JSON_LANGUAGE)) return;
  monaco.languages.register({ id: JSON_LANGUAGE });
  monaco.languages.register({ id: TEXT_LANGUAGE });
  monaco.languages.setMonarchTokensProvider(JSON_LANGUAGE, {
    tokenizer: {
      root: [
        [/"\$\$?(if|each|merge|let)"(?=\s*:)/, 'keyword.directive'],
        [/"(?=(?:[^"\\]|\\.)*"\s*:)/, { token: 'key', next: '@key' }],
        [/"/, { token: 'string', next: '@string' }],
        [/[{}[\]]/, '@brackets'],
        [/[,:]/, 'delimiter'],
        [/-?\d+(\.\d+)?([eE][-+]?\d+)?/, 'number'],
        [/\b(true|false|null)\b/, 'keyword'],
        [/\s+/, 'white'],
      ],
      key: stringRules('key'),
      string: stringRules('string'),
      braces: expressionRules(/\}\}/),
      angles: expressionRules(/>>/),
    },
  });
  monaco.languages.setMonarchTokensProvider(TEXT_LANGUAGE, {
    tokenizer: {
      root: [
        [/\\\{\{|\\<</, 'string.escape'],
        [/\{\{/, { token: 'placeholder.delimiter', next: '@braces' }],
        [/<</, { token: 'placeholder.delimiter', next: '@angles' }],
        [/[^{<\\]+/, ''],
        [/./, ''],
      ],
      braces: expressionRules(/\}\}/).filter(([re]) => re.source !== '"'),
      angles: expressionRules(/>>/).filter(([re]) => re.source !== '"'),
    },
  });
  monaco.languages.setLanguageConfiguration(JSON_LANGUAGE, {
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}', notIn: ['string'] },
      { open: '[', close: ']', notIn: ['string'] },
      { open: '"', close: '"', notIn: ['string'] },
    ],
  });
  defineThemes(monaco);
}

function defineThemes(monaco: Monaco): void {
  const rules = (dark: boolean) => [
    { token: 'key', foreground: dark ? '9cdcfe' : '0451a5' },
    { token: 'string', foreground: dark ? 'ce9178' : 'a31515' },
    { token: 'number', foreground: dark ? 'b5cea8' : '098658' },
    { token: 'keyword', foreground: dark ? '569cd6' : '0000ff' },
    { token: 'keyword.directive', foreground: dark ? 'c586c0' : 'af00db', fontStyle: 'bold' },
    { token: 'placeholder', foreground: dark ? 'dcdcaa' : '795e26' },
    { token: 'placeholder.delimiter', foreground: dark ? 'ffd700' : 'b35900', fontStyle: 'bold' },
    { token: 'placeholder.path', foreground: dark ? '4ec9b0' : '0e7c6b' },
    { token: 'placeholder.jsonpath', foreground: dark ? '4ec9b0' : '0e7c6b', fontStyle: 'italic' },
    { token: 'placeholder.filter', foreground: dark ? 'c586c0' : '8a2be2' },
    { token: 'placeholder.literal', foreground: dark ? 'ce9178' : 'a31515', fontStyle: 'italic' },
    { token: 'placeholder.operator', foreground: dark ? 'd4d4d4' : '333333' },
  ];
  monaco.editor.defineTheme('hookmap-light', { base: 'vs', inherit: true, rules: rules(false), colors: {} });
  monaco.editor.defineTheme('hookmap-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: rules(true),
    colors: { 'editor.background': '#1b1e24' },
  });
}
