import type { components, paths } from './schema.gen';

/**
 * Request and response types of the API, read from the types generated from the server's zod schemas
 * (schema.gen.ts, `npm run api:types`). Paths are written as the client calls them, without `/api/v1`:
 * `ResponseOf<'/enterprises/{enterpriseId}/hazards'>` is the hazard page, `BodyOf<'/users', 'post'>` a new account.
 */
type Prefixed<P extends string> = `/api/v1${P}`;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Every API path, as `api.get` takes it. */
export type ApiPath = keyof paths extends infer K ? (K extends Prefixed<infer P> ? P : never) : never;

type Operation<P extends ApiPath, M extends Method> = paths[Prefixed<P>][M];
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : void;
type Success<R> = R extends { 200: infer X } ? JsonOf<X> : R extends { 201: infer X } ? JsonOf<X> : void;

/** The body of the successful answer (200 or 201); void for 204. */
export type ResponseOf<P extends ApiPath, M extends Method = 'get'> = Operation<P, M> extends { responses: infer R } ? Success<R> : never;

/** The JSON request body. */
export type BodyOf<P extends ApiPath, M extends Method = 'post'> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query string parameters. */
export type QueryOf<P extends ApiPath, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One row of a list answer, paged (`{ items }`) or a plain array. */
export type ItemOf<T> = T extends { items: (infer I)[] } ? I : T extends (infer I)[] ? I : never;

/** The error body every route answers with for 4xx (`{ error: { code, message, issues, reason, requestId } }`). */
export type ErrorBody = components['schemas']['ErrorBody'];
