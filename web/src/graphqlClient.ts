/** How the explorer talks to the server: typed GraphQL requests whose failures say what failed. */
import type { TadaDocumentNode } from 'gql.tada';
import { type DocumentNode, print } from 'graphql';

const TOKEN_KEY = 'caseGraphToken';

/** A request that failed: `what` the user was waiting for, and why, in words fit for the page. */
class RequestFailed extends Error {
  constructor(what: string, reason: string) {
    super(`Could not ${what}: ${reason}`);
  }
}

/** The access token this browser keeps (asked for once where the server requires one), if any. */
export const storedToken = (): string | null => localStorage.getItem(TOKEN_KEY);

/** Keeps `token` in this browser for the requests that follow (an editor's, given for the review). */
export const keepToken = (token: string): void => localStorage.setItem(TOKEN_KEY, token.trim());

/** A POST to /graphql with the token this browser keeps, if any. */
export function post(body: Record<string, unknown>, accept: string): Promise<Response> {
  const token = storedToken();
  return fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

type Answer<T> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } }[] };

/**
 * Runs `document`; `what` names it for the user ("load the case", "search"). A network failure,
 * a non-JSON answer and GraphQL `errors` all become one RequestFailed. Where the server requires a
 * token (REQUIRE_AUTH), the explorer asks for one once and keeps it in this browser.
 */
export async function request<Result, Variables>(
  what: string,
  document: TadaDocumentNode<Result, Variables>,
  variables: Variables,
  retried = false,
): Promise<Result> {
  // gql.tada's documents are graphql-js documents in all but the nominal type of `kind`
  const query = print(document as unknown as DocumentNode);
  let response: Response;
  try {
    response = await post({ query, variables }, 'application/json');
  } catch (error) {
    throw new RequestFailed(what, `the server did not answer (${(error as Error).message})`);
  }
  let answer: Answer<Result>;
  try {
    answer = (await response.json()) as Answer<Result>;
  } catch {
    throw new RequestFailed(what, `the server answered ${response.status} ${response.statusText}`.trim());
  }
  if (!retried && answer.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    const given = window.prompt('This case graph needs an access token:');
    if (given) {
      keepToken(given);
      return request(what, document, variables, true);
    }
  }
  if (answer.errors?.length) throw new RequestFailed(what, answer.errors.map((e) => e.message).join('; '));
  if (!answer.data) throw new RequestFailed(what, `the server answered ${response.status} without data`);
  return answer.data;
}
