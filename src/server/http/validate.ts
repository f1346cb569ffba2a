/** Request bodies and queries go through a zod schema; a failure is a 400 that names each field's path. */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

export interface FieldIssue {
  path: string;
  message: string;
}

/** "pins[3].position[1]" from zod's path. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    '',
  );
}

/** The parsed value, or undefined after sending the 400. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  reply: FastifyReply,
  where: 'body' | 'query' | 'params',
): z.infer<S> | undefined {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((i) => ({ path: pathText([where, ...i.path]), message: i.message }));
  void sendInvalid(reply, issues);
  return undefined;
}

/** The 400 that names each field's problem (what parseOr400 sends; for checks a schema does not make). */
export function sendInvalid(reply: FastifyReply, issues: FieldIssue[]): FastifyReply {
  return reply.code(400).send({
    error: 'invalid_request',
    message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    issues,
  });
}
