/**
 * SPEC §4: jsonpath-plus's documented syntax keeps working. hookmap reads it with its own parser (see the
 * README, "JSONPath"), so every example of jsonpath-plus's README table is run through both and compared;
 * the few that differ are listed here with the reason.
 */
import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import { compile, TemplateError } from '../src/index.js';

const store = {
  store: {
    book: [
      { category: 'reference', author: 'Nigel Rees', title: 'Sayings of the Century', price: 8.95 },
      { category: 'fiction', author: 'Evelyn Waugh', title: 'Sword of Honour', price: 12.99 },
      {
        category: 'fiction',
        author: 'Herman Melville',
        title: 'Moby Dick',
        isbn: '0-553-21311-3',
        price: 8.99,
      },
      {
        category: 'fiction',
        author: 'J. R. R. Tolkien',
        title: 'The Lord of the Rings',
        isbn: '0-395-19395-8',
        price: 22.99,
      },
    ],
    bicycle: { color: 'red', price: 19.95 },
  },
};

/** jsonpath-plus README, "Syntax through examples": the queries that give jsonpath-plus's result. */
const same = [
  '$.store.book[*].author',
  '$..author',
  '$.store.*',
  '$.store..price',
  '$..book[2]',
  '$..book[(@.length-1)]',
  '$..book[-1:]',
  '$..book[0,1]',
  '$..book[:2]',
  '$..book[0][category,author]',
  '$..book[?(@.isbn)]',
  '$..book[?(@.price<10)]',
  "$..*[?(@property === 'price' && @ !== 8.95)]",
  '$..*',
  '$..[?(@.price>19)]^',
  '$.store.*~',
  `$.store.book[?(@path !== "$['store']['book'][0]")]`,
  '$..book[?(@parent.bicycle && @parent.bicycle.color === "red")].category',
  '$..book.*[?(@property !== "category")]',
  '$..book[?(@property !== 0)]',
  '$.store.*[?(@parentProperty !== "book")]',
  '$..book.*[?(@parentProperty !== 0)]',
  '$..book[?(@.price === @root.store.book[2].price)]',
  '$..book..*@number()',
  '$..book..*@string()',
  '$..*@object()',
];

const render = (query: string): unknown => compile(`{{ ${query} }}`).render(store);
const plus = (query: string): unknown => JSONPath({ path: query, json: store, eval: 'safe', wrap: true });

describe('jsonpath-plus documented syntax', () => {
  it.each(same)('%s gives what jsonpath-plus gives', (query) => {
    expect(render(query)).toEqual(plus(query));
  });

  it('a singular query gives its value, not a one-element list (SPEC §4)', () => {
    expect(render('$')).toEqual(store);
    expect(plus('$')).toEqual([store]);
  });

  it("RFC 9535 decides where the two disagree on a valid query: $..book[0]['category','author']", () => {
    expect(render("$..book[0]['category','author']")).toEqual(['reference', 'Nigel Rees']);
    expect(plus("$..book[0]['category','author']")).toEqual([]);
  });

  it.each([
    ['$..', 'RFC 9535 and the compliance suite refuse the bald descendant segment'],
    [
      '$..book.*[?(@property === "category" && @.match(/TION$/i))]',
      'JavaScript regular expressions (SPEC §8); use search()',
    ],
    ['$..book.*[?(@property.match(/bn$/i))]^', 'JavaScript regular expressions (SPEC §8); use search()'],
    ['$..book[(@.length-1-1)]', 'scripts other than (@.length-n)'],
  ])('%s is refused with H106 (%s)', (query) => {
    const error = (() => {
      try {
        render(query);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).code).toBe('H106');
  });

  it('search() and match() do what the refused .match(/…/) did', () => {
    expect(render('$..book.*[?@property == "category" && search(@, "tion$")]')).toEqual(
      plus('$..book.*[?(@property === "category" && @.match(/TION$/i))]'),
    );
  });
});
